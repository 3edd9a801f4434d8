namespace GbOperator.Resources.ShardMaps;

/// <summary>Settings of the range strategy, given either as a list or in the compact config.csv form.</summary>
public sealed record RangeSharding
{
    /// <summary>
    /// The ranges in the config.csv form, such as <c>0-999999:shard1,1000000-:shard2</c>. Set this or
    /// <see cref="Ranges"/>, not both.
    /// </summary>
    public string? Compact { get; init; }

    /// <summary>The ranges as a list, ordered by start. Set this or <see cref="Compact"/>, not both.</summary>
    public IReadOnlyList<ShardRange> Ranges { get; init; } = [];

    /// <summary>Returns the ranges from whichever form is set.</summary>
    /// <exception cref="FormatException"><see cref="Compact"/> is malformed.</exception>
    public IReadOnlyList<ShardRange> EffectiveRanges() =>
        Compact is null ? Ranges : ShardRange.ParseList(Compact);
}
