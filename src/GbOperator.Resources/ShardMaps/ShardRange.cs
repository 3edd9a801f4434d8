using System.Globalization;
using System.Text.Json.Serialization;

namespace GbOperator.Resources.ShardMaps;

/// <summary>A range of shard-key values, both ends included, and the shard that stores it.</summary>
public sealed record ShardRange
{
    /// <summary>Smallest key of the range.</summary>
    public long Start { get; init; }

    /// <summary>Largest key of the range. Absent means no upper bound, allowed on the last range only.</summary>
    public long? End { get; init; }

    /// <summary>Name of the shard that stores the range.</summary>
    public string Shard { get; init; } = "";

    /// <summary>Formats the range as in config.csv, such as <c>0-999999:shard1</c> or <c>2000000-:shard3</c>.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Start}-{End}:{Shard}");

    /// <summary>Whether the range has no upper bound.</summary>
    [JsonIgnore]
    public bool IsOpenEnded => End is null;

    /// <summary>Parses the config.csv form, such as <c>0-999999:shard1,1000000-1999999:shard2,2000000-:shard3</c>.</summary>
    /// <exception cref="FormatException">An entry is not <c>start-end:shard</c> or <c>start-:shard</c>.</exception>
    public static IReadOnlyList<ShardRange> ParseList(string text)
    {
        var ranges = new List<ShardRange>();
        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries))
        {
            ranges.Add(Parse(entry));
        }

        return ranges;
    }

    /// <summary>Parses one entry, such as <c>0-999999:shard1</c> or <c>2000000-:shard3</c>.</summary>
    /// <exception cref="FormatException">The entry is not <c>start-end:shard</c> or <c>start-:shard</c>.</exception>
    public static ShardRange Parse(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var dash = colon < 0 ? -1 : entry.IndexOf('-', 0, colon);
        if (colon < 0 || dash < 0)
        {
            throw new FormatException($"'{entry}' is not a range; write start-end:shard or start-:shard, such as 0-999999:shard1");
        }

        var startText = entry[..dash].Trim();
        var endText = entry[(dash + 1)..colon].Trim();
        var shard = entry[(colon + 1)..].Trim();
        if (!long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            throw new FormatException($"'{entry}' has an invalid start '{startText}'; use a whole number of 0 or more");
        }

        long? end = null;
        if (endText.Length > 0)
        {
            if (!long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedEnd))
            {
                throw new FormatException($"'{entry}' has an invalid end '{endText}'; use a whole number, or nothing for no upper bound");
            }

            end = parsedEnd;
        }

        if (shard.Length == 0)
        {
            throw new FormatException($"'{entry}' names no shard; write start-end:shard");
        }

        return new ShardRange { Start = start, End = end, Shard = shard };
    }
}
