namespace GbOperator.Infrastructure.Sentinel;

/// <summary>The replies of every Sentinel about one master name, taken at one time.</summary>
/// <param name="Answers">One answer per Sentinel endpoint, in the order of the endpoints.</param>
public sealed record SentinelView(IReadOnlyList<SentinelAnswer> Answers)
{
    /// <summary>
    /// Returns the master that at least <paramref name="quorum"/> Sentinels name, or <c>null</c> when no address
    /// has that many votes. A Sentinel that failed or reports no master votes for nothing.
    /// </summary>
    public string? AgreedMaster(int quorum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quorum, 1);
        var top = Answers.Where(answer => answer.Master is not null)
            .GroupBy(answer => answer.Master!, StringComparer.Ordinal)
            .Select(group => (Master: group.Key, Votes: group.Count()))
            .OrderByDescending(pair => pair.Votes)
            .ThenBy(pair => pair.Master, StringComparer.Ordinal)
            .FirstOrDefault();
        return top.Master is not null && top.Votes >= quorum ? top.Master : null;
    }

    /// <summary>Number of Sentinels that replied to the query.</summary>
    public int Reachable => Answers.Count(answer => answer.Error is null);
}
