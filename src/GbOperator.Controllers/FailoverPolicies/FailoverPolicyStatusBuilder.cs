using System.Text.Json;
using GbOperator.Controllers.BotClusters;
using GbOperator.Infrastructure.Resilience;
using GbOperator.Resources;
using GbOperator.Resources.FailoverPolicies;
using k8s.Models;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>Builds the status of a FailoverPolicy from one pass.</summary>
internal static class FailoverPolicyStatusBuilder
{
    public const string DatabaseAvailable = "DatabaseAvailable";
    public const string CacheAvailable = "CacheAvailable";
    public const string Ready = "Ready";

    public static FailoverPolicyStatus Build(
        FailoverPolicy policy, DatabaseObservation database, CacheObservation cache, BreakerState circuit, DateTimeOffset now)
    {
        var previous = policy.Status;
        bool watchesDatabase = database.Reason != PrimarySelector.NotWatched;
        bool watchesCache = cache.Reason != CacheMasterSelector.NotWatched;

        var conditions = new ConditionSet(previous?.Conditions, policy.Metadata.Generation, now)
            .Set(DatabaseAvailable, database.Primary is not null, database.Reason, database.Message)
            .Set(CacheAvailable, cache.Available, cache.Reason, cache.Message);
        var missing = new List<string>();
        if (watchesDatabase && database.Primary is null)
        {
            missing.Add("no usable PostgreSQL primary");
        }

        if (watchesCache && !cache.Available)
        {
            missing.Add("no Redis master agreed by a Sentinel quorum");
        }

        conditions.Set(Ready, missing.Count == 0, missing.Count == 0 ? "BackendsAvailable" : "BackendsUnavailable",
            missing.Count == 0 ? "Every watched backend has a primary to route to." : $"There is {string.Join(" and ", missing)}.");

        bool moved = Moved(previous, previous?.Primary, database.Primary) || Moved(previous, previous?.CacheMaster, cache.Master);
        return new FailoverPolicyStatus
        {
            ObservedGeneration = policy.Metadata.Generation,
            Conditions = conditions.Conditions,
            Primary = database.Primary,
            CacheMaster = cache.Master,
            CircuitState = circuit.ToString(),
            Members = database.Members,
            LastFailoverTime = moved ? now.UtcDateTime : previous?.LastFailoverTime,
            LastRepointDuration = moved ? null : previous?.LastRepointDuration,
        };
    }

    /// <summary>
    /// Whether a primary moved to another address, or came back after an outage. The first observation of a new
    /// policy is no failover.
    /// </summary>
    private static bool Moved(FailoverPolicyStatus? previous, string? before, string? after) =>
        previous?.Conditions is not null && after is not null && before != after;
}
