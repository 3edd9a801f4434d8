using System.Globalization;

namespace GbOperator.Resources.ShardMaps;

/// <summary>
/// The <c>consistent</c> algorithm: a hash ring on which each shard owns <see cref="VirtualNodesPerShard"/> points, and a
/// key belongs to the shard of the first point at or after the key's hash, wrapping around at the end.
/// </summary>
/// <remarks>
/// The point of virtual node <c>i</c> of shard <c>s</c> is <see cref="ShardKeyHash"/> of <c>"s#i"</c>, so points depend only on
/// shard names: adding a fifth shard to four moves only the keys that the new shard's points take over, about a fifth.
/// </remarks>
public sealed class ConsistentHashRing
{
    /// <summary>Number of points each shard owns on the ring. More points spread keys more evenly.</summary>
    public const int VirtualNodesPerShard = 160;

    private readonly ulong[] _points;
    private readonly string[] _owners;

    /// <summary>Builds the ring of <paramref name="shardNames"/>.</summary>
    /// <exception cref="ArgumentException">No shard names were given.</exception>
    public ConsistentHashRing(IEnumerable<string> shardNames)
    {
        var points = new List<(ulong Point, string Shard)>();
        foreach (var shard in shardNames)
        {
            for (var i = 0; i < VirtualNodesPerShard; i++)
            {
                points.Add((ShardKeyHash.Compute(string.Create(CultureInfo.InvariantCulture, $"{shard}#{i}")), shard));
            }
        }

        if (points.Count == 0)
        {
            throw new ArgumentException("a hash ring needs at least one shard", nameof(shardNames));
        }

        // Ties between equal points go to the smaller shard name, so the order of the list never matters.
        points.Sort((left, right) => left.Point != right.Point
            ? left.Point.CompareTo(right.Point)
            : string.CompareOrdinal(left.Shard, right.Shard));
        _points = points.Select(point => point.Point).ToArray();
        _owners = points.Select(point => point.Shard).ToArray();
    }

    /// <summary>The points of the ring in ascending order, each with the shard that owns it.</summary>
    public IEnumerable<(ulong Point, string Shard)> Points => _points.Select((point, i) => (point, _owners[i]));

    /// <summary>Returns the name of the shard that stores <paramref name="key"/>.</summary>
    public string ShardOf(string key) => OwnerOfHash(ShardKeyHash.Compute(key));

    /// <summary>Returns the name of the shard that owns the ring position <paramref name="hash"/>.</summary>
    public string OwnerOfHash(ulong hash)
    {
        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }
        else
        {
            // Several points can share a value; the first of them owns it.
            while (index > 0 && _points[index - 1] == hash)
            {
                index--;
            }
        }

        return _owners[index == _points.Length ? 0 : index];
    }
}
