using System.Globalization;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tables;

namespace GbOperator.ApiServer.Events;

/// <summary>Builds the <c>meta.k8s.io</c> Table of events with kubectl's columns: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.</summary>
internal sealed class EventTable(TimeProvider timeProvider)
{
    private static readonly (string Name, string Type, int Priority)[] ColumnDefinitions =
    [
        ("Last Seen", "string", 0),
        ("Type", "string", 0),
        ("Reason", "string", 0),
        ("Object", "string", 0),
        ("Message", "string", 0),
        ("Name", "string", 1),
        ("Count", "integer", 1),
    ];

    public JsonObject Build(TableFormat format, IEnumerable<JsonObject> events, string? resourceVersion, string? continueToken, bool includeColumns = true)
    {
        var rows = new JsonArray();
        foreach (var json in events)
        {
            rows.Add(BuildRow(format, json));
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

        var columns = new JsonArray();
        if (includeColumns)
        {
            foreach (var (name, type, priority) in ColumnDefinitions)
            {
                columns.Add(new JsonObject { ["name"] = name, ["type"] = type, ["format"] = string.Empty, ["description"] = name, ["priority"] = priority });
            }
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/" + format.Version,
            ["metadata"] = metadata,
            ["columnDefinitions"] = columns,
            ["rows"] = rows,
        };
    }

    private JsonObject BuildRow(TableFormat format, JsonObject json)
    {
        var involved = json["involvedObject"] as JsonObject;
        var objectName = $"{Text(involved?["kind"]).ToLowerInvariant()}/{Text(involved?["name"])}";
        var cells = new JsonArray
        {
            LastSeen(json),
            Text(json["type"]),
            Text(json["reason"]),
            objectName,
            Text(json["message"]).Trim(),
            Text(json["metadata"]?["name"]),
            json["count"] is JsonValue count && count.TryGetValue<long>(out var number) ? number : 1,
        };

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

    private string LastSeen(JsonObject json)
    {
        var text = Text(json["lastTimestamp"]);
        if (text.Length == 0)
        {
            text = Text(json["eventTime"]);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? HumanDuration.Format(timeProvider.GetUtcNow() - time)
            : "<unknown>";
    }

    private static string Text(JsonNode? node) => node is JsonValue value ? value.ToString() : string.Empty;
}
