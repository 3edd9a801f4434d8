using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gbctl.Output;

/// <summary>Writes nested JSON as the indented "Label:  value" lines of kubectl describe.</summary>
internal static partial class DescribeWriter
{
    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "cpu", "dns", "http", "https", "id", "ip", "json", "llm", "rest", "tls", "ttl", "uid", "url", "uri",
    };

    /// <summary>Appends the fields of <paramref name="map"/> at <paramref name="indent"/>, labels aligned within each level.</summary>
    public static void WriteFields(StringBuilder builder, JsonObject map, int indent)
    {
        var labelWidth = map
            .Where(p => !IsNested(p.Value))
            .Select(p => Label(p.Key).Length + 1)
            .DefaultIfEmpty(0)
            .Max();

        foreach (var (key, value) in map)
        {
            var label = Label(key) + ":";
            builder.Append(' ', indent);

            switch (value)
            {
                case JsonObject child when child.Count > 0:
                    builder.Append(label).Append('\n');
                    WriteFields(builder, child, indent + 2);
                    break;
                case JsonArray list when list.Count > 0:
                    builder.Append(label).Append('\n');
                    WriteList(builder, list, indent + 2);
                    break;
                default:
                    builder.Append(label.PadRight(labelWidth + 2)).Append(Scalar(value)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>
    /// Returns kubectl's label for a field name: camelCase split into capitalized words, acronyms in
    /// capitals. Other keys, such as environment variable names or label keys, are returned unchanged.
    /// </summary>
    public static string Label(string key)
    {
        if (!FieldName().IsMatch(key))
        {
            return key;
        }

        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var boundary = char.IsUpper(c) && current.Length > 0
                && (!char.IsUpper(key[i - 1]) || (i + 1 < key.Length && char.IsLower(key[i + 1])));
            if (boundary)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        words.Add(current.ToString());
        return string.Join(' ', words
            .Where(w => w.Length > 0)
            .Select(w => Acronyms.Contains(w) ? w.ToUpperInvariant() : char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>Formats a leaf value: strings as-is, other JSON compactly, <c>&lt;none&gt;</c> for null or empty.</summary>
    public static string Scalar(JsonNode? value) => value switch
    {
        null => "<none>",
        JsonObject or JsonArray => "<none>",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static void WriteList(StringBuilder builder, JsonArray list, int indent)
    {
        foreach (var item in list)
        {
            if (item is JsonObject child && child.Count > 0)
            {
                // Each element starts with "-" so that consecutive elements stay apart.
                builder.Append(' ', indent).Append("-\n");
                WriteFields(builder, child, indent + 2);
            }
            else
            {
                builder.Append(' ', indent).Append(Scalar(item)).Append('\n');
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex FieldName();

    private static bool IsNested(JsonNode? value) => value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 };
}
