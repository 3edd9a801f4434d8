using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GbOperator.Resources.Serialization;

/// <summary>Turns a System.Text.Json <see cref="JsonException"/> into a <see cref="FieldViolation"/> with a field path.</summary>
internal static partial class JsonErrorClassifier
{
    /// <summary>Classifies <paramref name="exception"/>, reading the offending value from <paramref name="document"/> when given.</summary>
    public static FieldViolation Classify(JsonException exception, JsonNode? document = null)
    {
        var message = exception.Message;
        var path = ToFieldPath(exception.Path);

        var unmapped = UnmappedMember().Match(message);
        if (unmapped.Success)
        {
            var member = unmapped.Groups["name"].Value;
            var field = path.EndsWith(member, StringComparison.Ordinal) ? path : Join(path, member);
            return new FieldViolation(field, FieldViolationType.Unknown, $"unknown field \"{member}\": remove it or check its spelling and case");
        }

        var duplicate = DuplicateProperty().Match(message);
        if (duplicate.Success)
        {
            var member = duplicate.Groups["name"].Value;
            var field = path.EndsWith(member, StringComparison.Ordinal) ? path : Join(path, member);
            return new FieldViolation(field, FieldViolationType.Duplicate, $"duplicate key \"{member}\": keep one of them");
        }

        if (exception.Path is null && exception.LineNumber is not null)
        {
            return new FieldViolation("", FieldViolationType.Invalid,
                $"malformed JSON at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}: {FirstSentence(message)}");
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("nullab", StringComparison.OrdinalIgnoreCase))
        {
            return new FieldViolation(path, FieldViolationType.TypeInvalid, "must not be null: remove the field to get its default, or give a value");
        }

        var conversion = ConversionTarget().Match(message);
        if (conversion.Success)
        {
            var typeName = conversion.Groups["type"].Value;
            var value = FindValue(document, exception.Path);
            if (DescribeOutOfRange(path, typeName, value) is { } outOfRange)
            {
                return new FieldViolation(path, FieldViolationType.Invalid, outOfRange);
            }

            if (IsDurationField(path) && value?.GetValueKind() == JsonValueKind.Number)
            {
                return new FieldViolation(path, FieldViolationType.TypeInvalid,
                    $"invalid value type: a duration must be a string with a unit, such as \"{value.ToJsonString()}s\", not the number {value.ToJsonString()}");
            }

            return new FieldViolation(path, FieldViolationType.TypeInvalid, $"invalid value type: must be {DescribeType(typeName)}");
        }

        return new FieldViolation(path, FieldViolationType.TypeInvalid, $"invalid value: {FirstSentence(message)}");
    }

    /// <summary>
    /// Describes a whole number outside the range of its integer field, naming the range validation accepts where
    /// the field has one, or returns <c>null</c> for any other value.
    /// </summary>
    private static string? DescribeOutOfRange(string path, string typeName, JsonNode? value)
    {
        if (value?.GetValueKind() != JsonValueKind.Number
            || !BigIntegerText().IsMatch(value.ToJsonString()))
        {
            return null;
        }

        if (BoundedIntegers.TryGetValue(path, out var accepted))
        {
            return $"invalid value {value.ToJsonString()}: must be between {accepted.Minimum} and {accepted.Maximum}";
        }

        (string Bits, long Minimum, long Maximum)? range = typeName switch
        {
            _ when typeName.Contains("System.Int32", StringComparison.Ordinal) => ("32", int.MinValue, int.MaxValue),
            _ when typeName.Contains("System.Int64", StringComparison.Ordinal) => ("64", long.MinValue, long.MaxValue),
            _ => null,
        };

        return range is { } bounds
            ? $"invalid value {value.ToJsonString()}: out of range for a {bounds.Bits}-bit integer, which must be between {bounds.Minimum.ToString(CultureInfo.InvariantCulture)} and {bounds.Maximum.ToString(CultureInfo.InvariantCulture)}"
            : null;
    }

    // NOTE: this table is kept by hand beside the validators, so a field missing here gets the integer type's range.
    /// <summary>Ranges that validation accepts for integer fields, by field path, so an overflow names the real bounds.</summary>
    private static readonly Dictionary<string, (int Minimum, int Maximum)> BoundedIntegers = new(StringComparer.Ordinal)
    {
        ["spec.replicas"] = (0, BotClusters.BotClusterSpec.MaxReplicas),
        ["spec.autoscaling.minInstances"] = (1, BotClusters.BotClusterSpec.MaxReplicas),
        ["spec.autoscaling.maxInstances"] = (1, BotClusters.BotClusterSpec.MaxReplicas),
        ["spec.port"] = (1, 65535),
    };

    /// <summary>Whether the field contains a duration string such as <c>30s</c>, judged by the member name.</summary>
    private static bool IsDurationField(string path)
    {
        var member = path[(path.LastIndexOf('.') + 1)..];
        return DurationMembers.Contains(member);
    }

    // NOTE: this list is kept by hand, so a new duration field needs its name added here to get the unit hint.
    /// <summary>Names of the spec members of all kinds that contain a duration string.</summary>
    private static readonly HashSet<string> DurationMembers =
        new(["drainTimeout", "cooldown", "checkInterval", "threshold", "interval", "timeout", "tryDuration", "failDuration", "window"], StringComparer.Ordinal);

    /// <summary>Finds the node at a System.Text.Json exception path such as <c>$.spec.shards[1]['name']</c>.</summary>
    private static JsonNode? FindValue(JsonNode? document, string? jsonPath)
    {
        if (document is null || string.IsNullOrEmpty(jsonPath))
        {
            return null;
        }

        var node = document;
        foreach (Match segment in PathSegment().Matches(jsonPath))
        {
            if (segment.Groups["index"].Success)
            {
                var index = int.Parse(segment.Groups["index"].Value, CultureInfo.InvariantCulture);
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
            else
            {
                var name = segment.Groups["quoted"].Success ? segment.Groups["quoted"].Value : segment.Groups["name"].Value;
                node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static string DescribeType(string typeName) => typeName switch
    {
        _ when typeName.Contains("System.Int", StringComparison.Ordinal) => "an integer",
        _ when typeName.Contains("System.Double", StringComparison.Ordinal) => "a number",
        _ when typeName.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.Contains("System.DateTime", StringComparison.Ordinal) => "an RFC 3339 time string such as 2026-01-31T12:00:00Z",
        _ when typeName.Contains("Dictionary", StringComparison.Ordinal) => "an object of string values",
        _ when typeName.Contains("List", StringComparison.Ordinal) || typeName.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when typeName.TrimEnd('.') == "System.String" => "a string",
        _ => "an object",
    };

    private static string ToFieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "";
        }

        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return QuotedMember().Replace(path, match => "." + match.Groups["name"].Value).TrimStart('.');
    }

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("[Dd]uplicate.*?'(?<name>[^']*)'")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex("could not be converted to (?<type>[^.][^ ]*(?: [^ .]+)*?)\\.? Path")]
    private static partial Regex ConversionTarget();

    [GeneratedRegex(@"\['(?<name>[^']*)'\]")]
    private static partial Regex QuotedMember();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex BigIntegerText();
}
