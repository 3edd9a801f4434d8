using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gbctl.Output;

/// <summary>
/// Writes JSON values as YAML in the layout kubectl prints: mapping keys sorted, sequence items
/// at the indentation of their key, and strings quoted only where plain YAML would read them as
/// another type.
/// </summary>
internal static partial class YamlWriter
{
    /// <summary>Returns the YAML text of <paramref name="value"/>, ending in a newline.</summary>
    public static string Write(JsonNode? value)
    {
        var builder = new StringBuilder();
        WriteNode(builder, value, 0, afterDash: false, topLevel: true);
        return builder.ToString();
    }

    private static void WriteNode(StringBuilder builder, JsonNode? node, int indent, bool afterDash, bool topLevel)
    {
        switch (node)
        {
            case JsonObject map when map.Count > 0:
                WriteMapping(builder, map, indent, afterDash);
                break;
            case JsonArray list when list.Count > 0:
                WriteSequence(builder, list, indent);
                break;
            default:
                builder.Append(topLevel ? string.Empty : " ");
                builder.Append(Scalar(node, indent));
                builder.Append('\n');
                break;
        }
    }

    private static void WriteMapping(StringBuilder builder, JsonObject map, int indent, bool afterDash)
    {
        var first = true;
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!(first && afterDash))
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append(FormatString(key, indent, allowBlock: false));
            builder.Append(':');

            switch (value)
            {
                case JsonObject child when child.Count > 0:
                    builder.Append('\n');
                    WriteMapping(builder, child, indent + 2, afterDash: false);
                    break;
                case JsonArray child when child.Count > 0:
                    builder.Append('\n');
                    WriteSequence(builder, child, indent);
                    break;
                default:
                    builder.Append(' ');
                    builder.Append(Scalar(value, indent + 2));
                    builder.Append('\n');
                    break;
            }
        }
    }

    private static void WriteSequence(StringBuilder builder, JsonArray list, int indent, bool afterDash = false)
    {
        var first = true;
        foreach (var item in list)
        {
            if (!(first && afterDash))
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append('-');
            switch (item)
            {
                case JsonObject child when child.Count > 0:
                    builder.Append(' ');
                    WriteMapping(builder, child, indent + 2, afterDash: true);
                    break;
                case JsonArray child when child.Count > 0:
                    builder.Append(' ');
                    WriteSequence(builder, child, indent + 2, afterDash: true);
                    break;
                default:
                    builder.Append(' ');
                    builder.Append(Scalar(item, indent + 2));
                    builder.Append('\n');
                    break;
            }
        }
    }

    private static string Scalar(JsonNode? node, int blockIndent)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "{}";
            case JsonArray:
                return "[]";
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => FormatString(node.GetValue<string>(), blockIndent, allowBlock: true),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => node.ToJsonString(),
            _ => "null",
        };
    }

    private static string FormatString(string text, int blockIndent, bool allowBlock)
    {
        if (text.Length == 0 || LooksLikeOtherType(text))
        {
            return DoubleQuoted(text);
        }

        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return allowBlock && CanUseBlock(text) ? Block(text, blockIndent) : DoubleQuoted(text);
        }

        if (text.Any(c => char.IsControl(c)))
        {
            return DoubleQuoted(text);
        }

        return CanBePlain(text) ? text : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool CanUseBlock(string text) =>
        !text.Any(c => char.IsControl(c) && c != '\n') && !text.StartsWith(' ') && !text.Contains(" \n", StringComparison.Ordinal);

    private static string Block(string text, int indent)
    {
        var trailingNewline = text.EndsWith('\n');
        var body = trailingNewline ? text[..^1] : text;
        var builder = new StringBuilder(trailingNewline ? "|" : "|-");
        foreach (var line in body.Split('\n'))
        {
            builder.Append('\n');
            if (line.Length > 0)
            {
                builder.Append(' ', indent);
                builder.Append(line);
            }
        }

        return builder.ToString();
    }

    private static string DoubleQuoted(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool CanBePlain(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal))
        {
            // A leading "-", "?" or ":" followed by a non-space is still plain in YAML.
            var indicatorAllowed = text[0] is '-' or '?' or ':' && text.Length > 1 && !char.IsWhiteSpace(text[1]);
            if (!indicatorAllowed)
            {
                return false;
            }
        }

        return !text.Contains(": ", StringComparison.Ordinal)
            && !text.Contains(" #", StringComparison.Ordinal)
            && !text.EndsWith(':');
    }

    /// <summary>Whether a plain scalar with this text would read back as a boolean, null, number or timestamp (YAML 1.1).</summary>
    private static bool LooksLikeOtherType(string text) => OtherTypePattern().IsMatch(text);

    [GeneratedRegex(
        @"^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
        + @"|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+"
        + @"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+"
        + @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
        + @"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|=|<<)$")]
    private static partial Regex OtherTypePattern();
}
