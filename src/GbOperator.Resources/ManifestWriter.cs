using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GbOperator.Resources.Manifests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GbOperator.Resources;

/// <summary>Writes JSON nodes as YAML that <see cref="ManifestReader"/> reads back to the same JSON.</summary>
public static class ManifestWriter
{
    /// <summary>Formats <paramref name="node"/> as one YAML document, keys in their JSON order.</summary>
    /// <remarks>
    /// Strings that a YAML reader would take for another type, such as <c>"true"</c>, <c>"1"</c> or <c>""</c>,
    /// are double-quoted so they stay strings.
    /// </remarks>
    public static string ToYaml(JsonNode? node)
    {
        var document = new YamlDocument(ToYamlNode(node));
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(document).Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlStream.Save ends every document with an explicit "..." end marker, which manifests do not use.
        const string endMarker = "...\n";
        return text.EndsWith(endMarker, StringComparison.Ordinal) ? text[..^endMarker.Length] : text;
    }

    /// <summary>Formats several objects as a multi-document YAML stream separated by <c>---</c>.</summary>
    public static string ToYaml(IEnumerable<JsonNode?> documents) =>
        string.Join("---\n", documents.Select(ToYaml));

    private static YamlNode ToYamlNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var mapping = new YamlMappingNode();
                foreach (var (key, value) in obj)
                {
                    mapping.Add(StringScalar(key), ToYamlNode(value));
                }

                return mapping;
            case JsonArray array:
                return new YamlSequenceNode(array.Select(ToYamlNode));
            case null:
                return new YamlScalarNode("null");
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => StringScalar(node.GetValue<string>()),
            JsonValueKind.True => new YamlScalarNode("true"),
            JsonValueKind.False => new YamlScalarNode("false"),
            JsonValueKind.Number => new YamlScalarNode(node.ToJsonString()),
            _ => new YamlScalarNode("null"),
        };
    }

    private static YamlScalarNode StringScalar(string text)
    {
        var plain = new YamlScalarNode(text) { Style = ScalarStyle.Plain };
        var readBack = YamlJsonConverter.ConvertScalar(plain);
        var staysString = readBack is not null && readBack.GetValueKind() == JsonValueKind.String && readBack.GetValue<string>() == text;
        return staysString ? plain : new YamlScalarNode(text) { Style = ScalarStyle.DoubleQuoted };
    }
}
