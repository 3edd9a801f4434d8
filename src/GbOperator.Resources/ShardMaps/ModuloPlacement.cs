using System.Globalization;

namespace GbOperator.Resources.ShardMaps;

/// <summary>The <c>modulo</c> algorithm: a numeric key modulo the shard count picks the shard's position in the list.</summary>
/// <remarks>
/// A key of decimal digits is used as its value, so user 12345 on 4 shards lands on the shard at index 1. Any other key
/// is hashed with <see cref="ShardKeyHash"/> first.
/// </remarks>
public static class ModuloPlacement
{
    /// <summary>Returns the index of the shard, from 0 to <paramref name="shardCount"/> - 1, that stores <paramref name="key"/>.</summary>
    public static int IndexOf(string key, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var value = ulong.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : ShardKeyHash.Compute(key);
        return (int)(value % (ulong)shardCount);
    }
}
