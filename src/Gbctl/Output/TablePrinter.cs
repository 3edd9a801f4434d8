using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gbctl.Output;

/// <summary>Renders a <see cref="ResourceTable"/> as kubectl's human-readable table output.</summary>
internal static class TablePrinter
{
    /// <summary>Returns the table text: an upper-case header line (unless <paramref name="headers"/> is false) and one line per row.</summary>
    /// <param name="wide">Include columns whose priority is above 0.</param>
    /// <param name="withNamespace">Start each line with a NAMESPACE column.</param>
    public static string Render(ResourceTable table, bool wide, bool withNamespace, bool headers) =>
        TextTable.Format(Cells(table, wide, withNamespace, headers));

    /// <summary>Returns the cell texts of <see cref="Render"/> before alignment, header line first.</summary>
    public static List<IReadOnlyList<string>> Cells(ResourceTable table, bool wide, bool withNamespace, bool headers)
    {
        var visible = table.Columns
            .Select((column, index) => (column, index))
            .Where(c => wide || c.column.Priority == 0)
            .ToList();

        var lines = new List<IReadOnlyList<string>>();
        if (headers)
        {
            var header = visible.Select(c => c.column.Name.ToUpperInvariant()).ToList();
            if (withNamespace)
            {
                header.Insert(0, "NAMESPACE");
            }

            lines.Add(header);
        }

        foreach (var row in table.Rows)
        {
            var cells = visible.Select(c => c.index < row.Cells.Count ? FormatCell(row.Cells[c.index]) : string.Empty).ToList();
            if (withNamespace)
            {
                cells.Insert(0, row.Namespace ?? string.Empty);
            }

            lines.Add(cells);
        }

        return lines;
    }

    /// <summary>Formats one cell: empty for null (as kubectl prints a missing column value), the text of strings, numbers and booleans, compact JSON otherwise.</summary>
    public static string FormatCell(JsonNode? cell)
    {
        if (cell is null)
        {
            return string.Empty;
        }

        if (cell is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        return cell.ToJsonString();
    }
}
