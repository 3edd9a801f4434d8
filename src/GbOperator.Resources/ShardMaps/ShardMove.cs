namespace GbOperator.Resources.ShardMaps;

/// <summary>What moves from one shard to another when a shard map changes.</summary>
public sealed record ShardMove
{
    /// <summary>Shard the data leaves.</summary>
    public string From { get; init; } = "";

    /// <summary>Shard the data goes to.</summary>
    public string To { get; init; } = "";

    /// <summary>Tenants whose database moves, ordered by name.</summary>
    public IReadOnlyList<string> Tenants { get; init; } = [];

    /// <summary>
    /// Share of hash-strategy keys that move, from 0 to 1, such as 0.2 for a fifth. Absent when the move contains no hash keys.
    /// </summary>
    public double? KeyShare { get; init; }

    /// <summary>Ranges of range-strategy keys that move, in the <c>start-end</c> form, with no end for an open range.</summary>
    public IReadOnlyList<string> Ranges { get; init; } = [];

    /// <summary>Geo-strategy regions whose users move; <c>*</c> stands for every region the map does not list.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
}
