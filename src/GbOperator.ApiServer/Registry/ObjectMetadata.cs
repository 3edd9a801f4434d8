using System.Globalization;
using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Registry;

/// <summary>Reads and writes <c>metadata</c> fields of an object kept as JSON.</summary>
internal static class ObjectMetadata
{
    /// <summary>Returns the object's <c>metadata</c>, adding an empty one when it is missing or not an object.</summary>
    public static JsonObject Get(JsonObject json)
    {
        if (json["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = new JsonObject();
        json["metadata"] = metadata;
        return metadata;
    }

    public static string? GetString(JsonObject json, string field) =>
        json["metadata"] is JsonObject metadata && metadata[field] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : null;

    public static long GetGeneration(JsonObject json) =>
        json["metadata"] is JsonObject metadata && metadata["generation"] is JsonValue value && value.TryGetValue<long>(out var generation)
            ? generation
            : 0;

    public static IReadOnlyList<string> GetFinalizers(JsonObject json)
    {
        if (json["metadata"] is not JsonObject metadata || metadata["finalizers"] is not JsonArray finalizers)
        {
            return [];
        }

        return finalizers
            .Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : null)
            .OfType<string>()
            .ToList();
    }

    public static IReadOnlyDictionary<string, string> GetLabels(JsonObject json)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json["metadata"] is JsonObject metadata && metadata["labels"] is JsonObject labelObject)
        {
            foreach (var (key, node) in labelObject)
            {
                if (node is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    labels[key] = text;
                }
            }
        }

        return labels;
    }

    /// <summary>Formats a time as Kubernetes writes timestamps: RFC 3339 in UTC with whole seconds.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
