using System.Globalization;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Registry;
using GbOperator.Resources;

namespace GbOperator.ApiServer.Tables;

/// <summary>Builds <c>meta.k8s.io</c> Table objects from the catalog's printer columns.</summary>
/// <remarks>
/// The first column is the implicit <c>Name</c>; the kind's printer columns follow. Date cells are
/// rendered by the server as ages, and a missing value or a value of the wrong type becomes a null cell.
/// </remarks>
internal sealed class TableBuilder(TimeProvider timeProvider)
{
    public JsonObject Build(ResourceKind kind, TableFormat format, IEnumerable<JsonObject> objects, string? resourceVersion, string? continueToken, bool includeColumns = true)
    {
        var rows = new JsonArray();
        foreach (var json in objects)
        {
            rows.Add(BuildRow(kind, format, json));
        }

        var metadata = new JsonObject();
        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/" + format.Version,
            ["metadata"] = metadata,
            ["columnDefinitions"] = includeColumns ? Columns(kind) : new JsonArray(),
            ["rows"] = rows,
        };
    }

    private static JsonArray Columns(ResourceKind kind)
    {
        var columns = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "Name",
                ["type"] = "string",
                ["format"] = "name",
                ["description"] = "Name must be unique within a namespace.",
                ["priority"] = 0,
            },
        };
        foreach (var column in kind.PrinterColumns)
        {
            columns.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = string.Empty,
                ["description"] = $"{column.Name} column, from {column.JsonPath}",
                ["priority"] = column.Priority,
            });
        }

        return columns;
    }

    private JsonObject BuildRow(ResourceKind kind, TableFormat format, JsonObject json)
    {
        var cells = new JsonArray { ObjectMetadata.GetString(json, "name") ?? string.Empty };
        foreach (var column in kind.PrinterColumns)
        {
            cells.Add(Cell(column, PrinterColumnValues.Read(json, column)));
        }

        var row = new JsonObject { ["cells"] = cells };
        if (format.IncludeObject == "Object")
        {
            row["object"] = json.DeepClone();
        }
        else if (format.IncludeObject == "Metadata")
        {
            row["object"] = new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/" + format.Version,
                ["metadata"] = json["metadata"]?.DeepClone() ?? new JsonObject(),
            };
        }

        return row;
    }

    private JsonNode? Cell(PrinterColumn column, JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return column.Type == "string" && value is not null ? value.ToJsonString() : null;
        }

        switch (column.Type)
        {
            case "integer":
                return scalar.TryGetValue<long>(out var integer) ? integer : null;
            case "number":
                return scalar.TryGetValue<double>(out var number) ? number : null;
            case "boolean":
                return scalar.TryGetValue<bool>(out var flag) ? flag : null;
            case "date":
                if (scalar.TryGetValue<string>(out var text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    return HumanDuration.Format(timeProvider.GetUtcNow() - time);
                }

                return null;
            default:
                return scalar.TryGetValue<string>(out var textValue) ? textValue : scalar.ToJsonString();
        }
    }
}
