using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gbctl.Output;

/// <summary>Writes JSON as kubectl's <c>-o json</c> does: keys sorted, four-space indentation.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 4,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the indented JSON text of <paramref name="value"/> with sorted keys, ending in a newline.</summary>
    public static string Write(JsonNode? value) => (Sorted(value)?.ToJsonString(Indented) ?? "null") + "\n";

    /// <summary>Returns the compact JSON text of <paramref name="value"/> with sorted keys, as kubectl stores the last-applied annotation.</summary>
    public static string WriteCompact(JsonNode? value) => Sorted(value)?.ToJsonString(Compact) ?? "null";

    /// <summary>Returns a deep copy of <paramref name="value"/> whose objects have their keys in ordinal order.</summary>
    public static JsonNode? Sorted(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject map:
                var sorted = new JsonObject();
                foreach (var (key, child) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sorted[key] = Sorted(child);
                }

                return sorted;
            case JsonArray list:
                return new JsonArray(list.Select(Sorted).ToArray());
            default:
                return value?.DeepClone();
        }
    }
}
