using System.Text.Json;
using System.Text.RegularExpressions;

namespace GbOperator.Resources.Serialization;

/// <summary>Turns a System.Text.Json <see cref="JsonException"/> into a <see cref="FieldViolation"/> with a field path.</summary>
internal static partial class JsonErrorClassifier
{
    public static FieldViolation Classify(JsonException exception)
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
            return new FieldViolation(path, FieldViolationType.TypeInvalid, $"invalid value type: must be {DescribeType(conversion.Groups["type"].Value)}");
        }

        return new FieldViolation(path, FieldViolationType.TypeInvalid, $"invalid value: {FirstSentence(message)}");
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
}
