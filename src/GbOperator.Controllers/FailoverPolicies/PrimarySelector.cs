using GbOperator.Infrastructure.Patroni;
using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>Chooses the PostgreSQL primary to route to from Patroni's view of the cluster.</summary>
/// <remarks>
/// The primary is the member that owns the leader key with PostgreSQL running and that confirmed its leadership on
/// <c>GET /leader</c>. A member that becomes leader while its last observed replication lag exceeded
/// <c>spec.patroni.maximumLagOnFailover</c> is refused, because it may miss committed writes. The refusal lasts as long
/// as that member leads, so status keeps the lag that caused it.
/// </remarks>
internal static class PrimarySelector
{
    public const string Elected = "LeaderElected";
    public const string NoLeader = "NoLeader";
    public const string NotConfirmed = "LeaderNotConfirmed";
    public const string LagExceeded = "LeaderLagExceeded";
    public const string Unreachable = "PatroniUnreachable";
    public const string NotWatched = "NotWatched";

    /// <param name="cluster">Patroni's view.</param>
    /// <param name="leaderConfirmed">Whether the leader returned 200 on <c>GET /leader</c>.</param>
    /// <param name="previous">Status of the last pass, for the previous primary and the members' last lag.</param>
    /// <param name="maximumLag">The policy's <c>maximumLagOnFailover</c> in bytes.</param>
    public static DatabaseObservation Select(PatroniCluster cluster, bool leaderConfirmed, FailoverPolicyStatus? previous, long maximumLag)
    {
        var members = cluster.Members.Select(ToStatus).ToList();
        var leader = cluster.Leader;
        if (leader is null)
        {
            return new DatabaseObservation(null, null, members, NoLeader,
                $"No Patroni member holds the leader key with PostgreSQL running ({Describe(cluster)}).");
        }

        if (!leaderConfirmed)
        {
            return new DatabaseObservation(null, null, members, NotConfirmed,
                $"Patroni lists {leader.Name} as leader, but it did not confirm on GET /leader yet.");
        }

        string? previousMember = previous?.Members.FirstOrDefault(member => member.Role == "leader" && member.Endpoint == previous.Primary)?.Name;
        long? lastLag = previous?.Members.FirstOrDefault(member => member.Name == leader.Name)?.Lag;
        if (leader.Name != previousMember && lastLag > maximumLag)
        {
            // Keep the lag that caused the refusal, so the next pass refuses this leader again.
            var kept = members.Select(member => member.Name == leader.Name ? member with { Lag = lastLag } : member).ToList();
            return new DatabaseObservation(null, null, kept, LagExceeded,
                $"Refused {leader.Name} as primary: its replication lag was {lastLag} bytes, more than maximumLagOnFailover ({maximumLag}).");
        }

        return new DatabaseObservation(leader.Endpoint, leader.Name, members, Elected,
            $"{leader.Name} at {leader.Endpoint} is the primary on timeline {leader.Timeline?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}.");
    }

    public static DatabaseObservation Unavailable(string message) => new(null, null, [], Unreachable, message);

    public static DatabaseObservation Unwatched() =>
        new(null, null, [], NotWatched, "spec.patroni.endpoints is empty, so PostgreSQL is not watched.");

    private static PatroniMemberStatus ToStatus(PatroniMember member) => new()
    {
        Name = member.Name,
        Role = member.Role,
        State = member.State,
        Endpoint = member.Endpoint,
        Lag = member.Lag,
        Timeline = member.Timeline,
    };

    private static string Describe(PatroniCluster cluster) =>
        cluster.Members.Count == 0 ? "no members" : string.Join(", ", cluster.Members.Select(member => $"{member.Name} {member.Role} {member.State}"));
}
