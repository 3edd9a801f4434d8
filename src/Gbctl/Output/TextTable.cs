using System.Text;

namespace Gbctl.Output;

/// <summary>
/// Aligns cells into columns as kubectl's printers do with Go's tabwriter: each column is as wide
/// as its widest cell plus three spaces, at least six characters, and the last column is not padded.
/// </summary>
internal static class TextTable
{
    private const int Padding = 3;
    private const int MinimumWidth = 6;

    /// <summary>Returns the aligned lines of <paramref name="rows"/>, each ending in a newline.</summary>
    public static string Format(IReadOnlyList<IReadOnlyList<string>> rows) => Format(rows, Widths(rows));

    /// <summary>Returns the lines of <paramref name="rows"/> with each column padded to <paramref name="widths"/>.</summary>
    public static string Format(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<int> widths)
    {
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                var last = i == row.Count - 1;
                builder.Append(last || i >= widths.Count ? row[i] : row[i].PadRight(widths[i]));
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Returns the width of each column of <paramref name="rows"/>, padding included.</summary>
    public static int[] Widths(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var columnCount = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var widths = new int[columnCount];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count - 1; i++)
            {
                widths[i] = Math.Max(widths[i], Math.Max(MinimumWidth, row[i].Length + Padding));
            }
        }

        return widths;
    }
}
