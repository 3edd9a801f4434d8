namespace GbOperator.Resources.ShardMaps;

/// <summary>The hash functions of the hash strategy.</summary>
public static class HashAlgorithm
{
    /// <summary>The key modulo the shard count.</summary>
    public const string Modulo = "modulo";

    /// <summary>Consistent hashing, which moves fewer keys when shards are added.</summary>
    public const string Consistent = "consistent";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } = [Modulo, Consistent];
}
