using System.Text;

namespace Gbctl.Diff;

/// <summary>Computes a unified diff (<c>diff -u</c> format, three lines of context) of two texts.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Returns the diff with <c>---</c>/<c>+++</c> headers, or an empty string when the texts are equal.</summary>
    public static string Create(string oldText, string newText, string oldLabel, string newLabel)
    {
        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        var edits = Edits(oldLines, newLines);
        if (edits.All(e => e.Kind == EditKind.Same))
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        builder.Append("--- ").Append(oldLabel).Append('\n');
        builder.Append("+++ ").Append(newLabel).Append('\n');

        foreach (var (start, end) in Hunks(edits))
        {
            AppendHunk(builder, edits, start, end);
        }

        return builder.ToString();
    }

    private static void AppendHunk(StringBuilder builder, List<Edit> edits, int start, int end)
    {
        var hunk = edits.GetRange(start, end - start);
        var oldStart = hunk.FirstOrDefault(e => e.Kind != EditKind.Insert)?.OldIndex ?? OldPosition(edits, start);
        var newStart = hunk.FirstOrDefault(e => e.Kind != EditKind.Delete)?.NewIndex ?? NewPosition(edits, start);
        var oldCount = hunk.Count(e => e.Kind != EditKind.Insert);
        var newCount = hunk.Count(e => e.Kind != EditKind.Delete);

        builder.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        foreach (var edit in hunk)
        {
            var prefix = edit.Kind switch
            {
                EditKind.Same => ' ',
                EditKind.Delete => '-',
                _ => '+',
            };
            builder.Append(prefix).Append(edit.Text).Append('\n');
        }
    }

    /// <summary>Formats a hunk range as diff does: 1-based start, count omitted when 1, start before the gap when 0.</summary>
    private static string Range(int zeroBasedStart, int count) => count switch
    {
        0 => $"{zeroBasedStart},0",
        1 => $"{zeroBasedStart + 1}",
        _ => $"{zeroBasedStart + 1},{count}",
    };

    private static int OldPosition(List<Edit> edits, int index) => edits.Take(index).Count(e => e.Kind != EditKind.Insert);

    private static int NewPosition(List<Edit> edits, int index) => edits.Take(index).Count(e => e.Kind != EditKind.Delete);

    /// <summary>Groups changes into hunks of [start, end) edit indexes, merging changes closer than twice the context.</summary>
    private static List<(int Start, int End)> Hunks(List<Edit> edits)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == EditKind.Same)
            {
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = Math.Min(edits.Count, i + 1 + Context);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }
        }

        return hunks;
    }

    /// <summary>Returns the edit script of a longest common subsequence, deletions before insertions.</summary>
    private static List<Edit> Edits(string[] oldLines, string[] newLines)
    {
        var lengths = new int[oldLines.Length + 1, newLines.Length + 1];
        for (var i = oldLines.Length - 1; i >= 0; i--)
        {
            for (var j = newLines.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = oldLines[i] == newLines[j]
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int oldIndex = 0, newIndex = 0;
        while (oldIndex < oldLines.Length || newIndex < newLines.Length)
        {
            if (oldIndex < oldLines.Length && newIndex < newLines.Length && oldLines[oldIndex] == newLines[newIndex])
            {
                edits.Add(new Edit(EditKind.Same, oldLines[oldIndex], oldIndex++, newIndex++));
            }
            else if (newIndex >= newLines.Length || (oldIndex < oldLines.Length && lengths[oldIndex + 1, newIndex] >= lengths[oldIndex, newIndex + 1]))
            {
                edits.Add(new Edit(EditKind.Delete, oldLines[oldIndex], oldIndex++, newIndex));
            }
            else
            {
                edits.Add(new Edit(EditKind.Insert, newLines[newIndex], oldIndex, newIndex++));
            }
        }

        return edits;
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var trimmed = text.EndsWith('\n') ? text[..^1] : text;
        return trimmed.Split('\n');
    }

    private enum EditKind
    {
        Same,
        Delete,
        Insert,
    }

    private sealed record Edit(EditKind Kind, string Text, int OldIndex, int NewIndex);
}
