namespace GbOperator.Resources.ShardMaps;

/// <summary>The key ranges that change shard between two range maps.</summary>
internal static class RangeKeyMoves
{
    /// <summary>
    /// Returns each stretch of keys that both maps cover and that changes shard, in the <c>start-end</c> form with no end
    /// for an open stretch. Keys that only one map covers have no shard on the other side, so they are left out.
    /// </summary>
    public static IEnumerable<(string From, string To, string Range)> Segments(IReadOnlyList<ShardRange> current, IReadOnlyList<ShardRange> desired)
    {
        // Every start and every end + 1 is a point where an owner may change; between two such points neither map changes.
        var cuts = current.Concat(desired)
            .SelectMany(range => range.End is { } end && end < long.MaxValue ? new[] { range.Start, end + 1 } : [range.Start])
            .Distinct().Order().ToList();
        for (var i = 0; i < cuts.Count; i++)
        {
            var start = cuts[i];
            // After the last cut, a key has an owner on both sides only when both maps end with an open range.
            long? end = i + 1 < cuts.Count ? cuts[i + 1] - 1 : null;
            var from = OwnerOf(current, start);
            var to = OwnerOf(desired, start);
            if (from is not null && to is not null && from != to)
            {
                yield return (from, to, FormattableString.Invariant($"{start}-{end}"));
            }
        }
    }

    private static string? OwnerOf(IReadOnlyList<ShardRange> ranges, long key) =>
        ranges.FirstOrDefault(range => key >= range.Start && (range.End is null || key <= range.End))?.Shard;
}
