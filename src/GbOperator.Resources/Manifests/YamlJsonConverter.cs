using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GbOperator.Resources.Manifests;

/// <summary>Converts a YAML representation tree to JSON nodes, resolving plain scalars by the YAML 1.2 core schema.</summary>
internal sealed class YamlJsonConverter(string source)
{
    private const int MaxDepth = 100;

    public JsonObject ToJsonObject(YamlMappingNode mapping) => (JsonObject)Convert(mapping, 0)!;

    public static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Tag.IsEmpty: true } scalar && IsNull(scalar.Value);

    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "sequence",
        YamlScalarNode => "scalar",
        _ => "node",
    };

    private JsonNode? Convert(YamlNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error(node, $"the document nests deeper than {MaxDepth} levels");
        }

        return node switch
        {
            YamlMappingNode mapping => ConvertMapping(mapping, depth),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(child => Convert(child, depth + 1)).ToArray()),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => throw Error(node, $"unsupported YAML node {node.NodeType}"),
        };
    }

    private JsonObject ConvertMapping(YamlMappingNode mapping, int depth)
    {
        var obj = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw Error(keyNode, "a mapping key must be a scalar");
            }

            if (key == "<<" && keyNode is YamlScalarNode { Style: ScalarStyle.Plain })
            {
                throw Error(keyNode, "YAML merge keys (<<) are not supported; write the fields out");
            }

            if (obj.ContainsKey(key))
            {
                throw Error(keyNode, $"duplicate key \"{key}\" in a mapping; keep one of them");
            }

            obj[key] = Convert(valueNode, depth + 1);
        }

        return obj;
    }

    internal static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (IsNull(text))
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        return ParseInteger(text) ?? ParseFloat(text) ?? JsonValue.Create(text);
    }

    private static bool IsNull(string? text) => text is null or "" or "~" or "null" or "Null" or "NULL";

    private static JsonValue? ParseInteger(string text)
    {
        var body = text.TrimStart('+', '-');
        var negative = text.StartsWith('-');
        if (text.Length - body.Length > 1 || body.Length == 0)
        {
            return null;
        }

        long value;
        if (body.StartsWith("0x", StringComparison.Ordinal))
        {
            if (!long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) || value < 0)
            {
                return null;
            }
        }
        else if (body.StartsWith("0o", StringComparison.Ordinal))
        {
            try
            {
                value = System.Convert.ToInt64(body[2..], 8);
            }
            catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
            {
                return null;
            }
        }
        else if (body.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                // Larger than a long: keep the exact digits as a JSON number.
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)
                    ? Number(big.ToString(CultureInfo.InvariantCulture))
                    : null;
            }
        }
        else
        {
            return null;
        }

        return Number((negative ? -value : value).ToString(CultureInfo.InvariantCulture));
    }

    private static JsonValue? ParseFloat(string text)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
            case "-.inf" or "-.Inf" or "-.INF":
            case ".nan" or ".NaN" or ".NAN":
                // JSON has no infinity or NaN, so these stay strings.
                return JsonValue.Create(text);
        }

        var body = text.TrimStart('+', '-');
        if (body.Length == 0 || !(char.IsAsciiDigit(body[0]) || body[0] == '.')
            || !body.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? Number(value.ToString("R", CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>
    /// Creates a number node backed by a JSON element, like the nodes <see cref="JsonNode.Parse(string, JsonNodeOptions?, System.Text.Json.JsonDocumentOptions)"/>
    /// creates, so <c>GetValue</c> converts it to any numeric type that fits the value.
    /// </summary>
    private static JsonValue Number(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return JsonValue.Create(document.RootElement.Clone())!;
    }

    private ManifestSyntaxException Error(YamlNode node, string problem) =>
        new(source, (int)node.Start.Line, (int)node.Start.Column, problem);
}
