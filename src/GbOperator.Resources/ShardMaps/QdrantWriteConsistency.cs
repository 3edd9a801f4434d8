namespace GbOperator.Resources.ShardMaps;

/// <summary>The write consistency levels of a Qdrant collection, turned into its <c>write_consistency_factor</c>.</summary>
public static class QdrantWriteConsistency
{
    /// <summary>One replica.</summary>
    public const string One = "one";

    /// <summary>More than half of the replicas.</summary>
    public const string Majority = "majority";

    /// <summary>Every replica.</summary>
    public const string All = "all";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> Values { get; } = [One, Majority, All];
}
