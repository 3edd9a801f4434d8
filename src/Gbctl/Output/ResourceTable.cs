using System.Text.Json.Nodes;
using GbOperator.Resources;

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

    /// <summary>Reads a server Table; when it has no column definitions, as in later watch events, uses <paramref name="previousColumns"/>.</summary>
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
    /// Builds the table from plain objects, for a server that answered without a Table: NAME and
    /// AGE from metadata.
    /// </summary>
    public static ResourceTable FromObjects(IEnumerable<JsonObject> objects, DateTimeOffset now)
    {
        var columns = new List<TableColumn> { new("Name", 0), new("Age", 0) };
        var rows = objects
            .Select(o => new TableRow(
                [
                    JsonValue.Create((string?)o["metadata"]?["name"] ?? string.Empty),
                    JsonValue.Create(AgeFormatter.FromTimestamp((string?)o["metadata"]?["creationTimestamp"], now)),
                ],
                (string?)o["metadata"]?["namespace"]))
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
}
