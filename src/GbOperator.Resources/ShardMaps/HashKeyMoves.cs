using System.Globalization;

namespace GbOperator.Resources.ShardMaps;

/// <summary>The share of hash-strategy keys that move between each pair of shards.</summary>
internal static class HashKeyMoves
{
    /// <summary>Keys sampled when the algorithm changes, since no closed form covers both placements.</summary>
    private const int SampleSize = 100_000;

    /// <summary>Returns the share of keys, from 0 to 1, that move from one shard to another, for each pair with a share above 0.</summary>
    public static Dictionary<(string From, string To), double> Shares(ShardMapSpec current, ShardMapSpec desired)
    {
        var oldNames = current.Shards.Select(shard => shard.Name).ToList();
        var newNames = desired.Shards.Select(shard => shard.Name).ToList();
        var shares = new Dictionary<(string From, string To), double>();
        void Add(string from, string to, double share)
        {
            if (from != to && share > 0)
            {
                shares[(from, to)] = shares.GetValueOrDefault((from, to)) + share;
            }
        }

        var oldAlgorithm = current.Hash.Algorithm;
        var newAlgorithm = desired.Hash.Algorithm;
        if (oldAlgorithm == HashAlgorithm.Modulo && newAlgorithm == HashAlgorithm.Modulo)
        {
            // Placement repeats every lcm(n, m) keys, so counting one period is exact.
            var period = LeastCommonMultiple(oldNames.Count, newNames.Count);
            for (long residue = 0; residue < period; residue++)
            {
                Add(oldNames[(int)(residue % oldNames.Count)], newNames[(int)(residue % newNames.Count)], 1.0 / period);
            }
        }
        else if (oldAlgorithm == HashAlgorithm.Consistent && newAlgorithm == HashAlgorithm.Consistent)
        {
            // Between two neighbouring points of the merged rings, both rings have one owner, so each arc moves whole.
            var oldRing = new ConsistentHashRing(oldNames);
            var newRing = new ConsistentHashRing(newNames);
            var points = oldRing.Points.Select(point => point.Point).Concat(newRing.Points.Select(point => point.Point))
                .Distinct().Order().ToArray();
            for (var i = 0; i < points.Length; i++)
            {
                var previous = i == 0 ? points[^1] : points[i - 1];
                var arc = unchecked(points[i] - previous);
                var length = points.Length == 1 ? 1.0 : arc / Math.Pow(2, 64);
                Add(oldRing.OwnerOfHash(points[i]), newRing.OwnerOfHash(points[i]), length);
            }
        }
        else
        {
            var oldResolver = ShardResolver.Create(current);
            var newResolver = ShardResolver.Create(desired);
            for (var i = 0; i < SampleSize; i++)
            {
                var key = i.ToString(CultureInfo.InvariantCulture);
                Add(oldResolver.Resolve(key).Shard, newResolver.Resolve(key).Shard, 1.0 / SampleSize);
            }
        }

        return shares;
    }

    private static long LeastCommonMultiple(long left, long right)
    {
        long a = left, b = right;
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return left / a * right;
    }
}
