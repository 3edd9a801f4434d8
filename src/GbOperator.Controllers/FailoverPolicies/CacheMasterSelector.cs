using GbOperator.Infrastructure.Sentinel;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>Chooses the Redis master to route to from the Sentinels' answers.</summary>
/// <remarks>
/// The master moves only when at least <c>spec.sentinel.quorum</c> Sentinels name the same address. While they
/// disagree, during a failover or because one is stale, the previous master is kept.
/// </remarks>
internal static class CacheMasterSelector
{
    public const string Agreed = "QuorumAgreed";
    public const string Disagree = "SentinelsDisagree";
    public const string Unreachable = "SentinelsUnreachable";
    public const string NotWatched = "NotWatched";

    public static CacheObservation Select(SentinelView view, int quorum, string? previousMaster)
    {
        string? agreed = view.AgreedMaster(quorum);
        if (agreed is not null)
        {
            int votes = view.Answers.Count(answer => answer.Master == agreed);
            return new CacheObservation(agreed, true, Agreed, $"{votes} of {view.Answers.Count} Sentinels name {agreed} as master; the quorum is {quorum}.");
        }

        string answers = string.Join(", ", view.Answers.Select(answer => $"{answer.Sentinel}: {answer.Master ?? answer.Error ?? "no master"}"));
        string kept = previousMaster is null ? "there is no master to keep" : $"keeping {previousMaster}";
        return new CacheObservation(previousMaster, previousMaster is not null, Disagree,
            $"No {quorum} Sentinels name the same master ({answers}), so {kept}.");
    }

    public static CacheObservation Unavailable(string message) => new(null, false, Unreachable, message);

    public static CacheObservation Unwatched() => new(null, false, NotWatched, "spec.sentinel.endpoints is empty, so the cache is not watched.");
}
