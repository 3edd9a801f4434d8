using System.Text.Json.Nodes;
using GbOperator.Resources;
using GbOperator.Resources.JsonPaths;

namespace Gbctl.Output;

/// <summary>A column of table output.</summary>
/// <param name="Name">Header as the server names it, such as <c>Name</c> or <c>Replicas</c>.</param>
/// <param name="Priority">0 for default output, higher for <c>-o wide</c> only.</param>
internal sealed record TableColumn(string Name, int Priority);

/// <summary>One row of table output and the object it describes.</summary>
/// <param name="Cells">Cell values, one per column.</param>
/// <param name="Namespace">Namespace of the object, printed with <c>-A</c>.</param>
internal sealed record TableRow(IReadOnlyList<JsonNode?> Cells, string? Namespace);

/// <summary>Rows of one kind in the shape of a <c>meta.k8s.io/v1</c> Table.</summary>
internal sealed record ResourceTable(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows)
{
    /// <summary>Whether <paramref name="response"/> is a Table rather than a plain object or list.</summary>
    public static bool IsTable(JsonObject response) =>
        (string?)response["kind"] == "Table" && ((string?)response["apiVersion"])?.StartsWith("meta.k8s.io/", StringComparison.Ordinal) == true;

    /// <summary>Reads a server Table, using <paramref name="previousColumns"/> when it has no column definitions, as in later watch events.</summary>
    public static ResourceTable FromServerTable(JsonObject table, IReadOnlyList<TableColumn>? previousColumns = null)
    {
        var columns = (table["columnDefinitions"] as JsonArray)?
            .OfType<JsonObject>()
            .Select(c => new TableColumn((string?)c["name"] ?? string.Empty, (int?)c["priority"] ?? 0))
            .ToList();
        if (columns is null || columns.Count == 0)
        {
            columns = previousColumns?.ToList() ?? [];
        }

        var rows = (table["rows"] as JsonArray)?
            .OfType<JsonObject>()
            .Select(r => new TableRow(
                (r["cells"] as JsonArray)?.Select(c => c?.DeepClone()).ToList() ?? [],
                (string?)r["object"]?["metadata"]?["namespace"]))
            .ToList() ?? [];

        return new ResourceTable(columns, rows);
    }

    /// <summary>
    /// Builds the table from plain objects with the kind's printer columns, for a server that returned
    /// no Table: NAME, then each column read by its JSONPath, dates shown as ages.
    /// </summary>
    public static ResourceTable FromObjects(ResourceKind kind, IEnumerable<JsonObject> objects, DateTimeOffset now)
    {
        var columns = new List<TableColumn> { new("Name", 0) };
        columns.AddRange(kind.PrinterColumns.Select(c => new TableColumn(c.Name, c.Priority)));

        var rows = objects
            .Select(o =>
            {
                var cells = new List<JsonNode?> { JsonValue.Create(ObjectNames.NameOf(o)) };
                cells.AddRange(kind.PrinterColumns.Select(c => Cell(o, c, now)));
                return new TableRow(cells, ObjectNames.NamespaceOf(o));
            })
            .ToList();
        return new ResourceTable(columns, rows);
    }

    /// <summary>Returns the table with every cell of the Name column prefixed by <c>kind.group/</c>, as kubectl prints several kinds at once.</summary>
    public ResourceTable WithQualifiedNames(ResourceKind kind)
    {
        var nameIndex = Columns.ToList().FindIndex(c => c.Name.Equals("Name", StringComparison.OrdinalIgnoreCase));
        if (nameIndex < 0)
        {
            return this;
        }

        var prefix = ObjectNames.Qualified(kind) + "/";
        var rows = Rows
            .Select(r => r with
            {
                Cells = r.Cells.Select((c, i) => i == nameIndex ? JsonValue.Create(prefix + TablePrinter.FormatCell(c)) : c).ToList(),
            })
            .ToList();
        return this with { Rows = rows };
    }

    private static JsonNode? Cell(JsonObject item, PrinterColumn column, DateTimeOffset now)
    {
        var values = JsonPathExpression.Select(item, column.JsonPath);
        var value = values.Count > 0 ? values[0] : null;
        if (column.Type == "date" && value is JsonValue date && date.TryGetValue<string>(out var timestamp))
        {
            return JsonValue.Create(AgeFormatter.FromTimestamp(timestamp, now));
        }

        return value?.DeepClone();
    }
}
