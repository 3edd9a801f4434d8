using System.IO.Hashing;
using System.Text;

namespace GbOperator.Resources.ShardMaps;

/// <summary>The hash function of the hash strategy: XXH64 with seed 0 over the UTF-8 bytes of a text.</summary>
/// <remarks>
/// XXH64 is specified independently of the platform and the process, so every operator, gbctl and any botserver that
/// reads the routing file compute the same value for a key.
/// </remarks>
public static class ShardKeyHash
{
    /// <summary>Returns the XXH64 hash (seed 0) of the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static ulong Compute(string text) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text));
}
