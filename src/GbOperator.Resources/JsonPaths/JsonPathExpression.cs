using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GbOperator.Resources.JsonPaths;

/// <summary>
/// A parsed JSONPath in the subset that printer columns use: child names (<c>.a.b</c>, <c>['a']</c>),
/// array indexes (<c>[0]</c>, <c>[-1]</c>), wildcards (<c>[*]</c>) and equality filters
/// (<c>[?(@.type=="Ready")]</c>, also <c>!=</c>), optionally wrapped in kubectl's <c>{…}</c>.
/// </summary>
public sealed class JsonPathExpression
{
    private readonly IReadOnlyList<JsonPathSegment> _segments;

    private JsonPathExpression(string text, IReadOnlyList<JsonPathSegment> segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The path is malformed or uses syntax outside the supported subset.</exception>
    public static JsonPathExpression Parse(string path) => new(path, new JsonPathParser(path).ParseSegments());

    /// <summary>Selects every node that <paramref name="path"/> matches in <paramref name="root"/>.</summary>
    /// <exception cref="FormatException">The path is malformed or uses syntax outside the supported subset.</exception>
    public static IReadOnlyList<JsonNode?> Select(JsonNode? root, string path) => Parse(path).Select(root);

    /// <summary>Selects every node this expression matches in <paramref name="root"/>, in document order, or an empty list when none match.</summary>
    public IReadOnlyList<JsonNode?> Select(JsonNode? root)
    {
        IReadOnlyList<JsonNode?> current = [root];
        foreach (var segment in _segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                segment.Apply(node, next);
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// Formats the matches as kubectl prints a column cell: strings bare, other values as JSON,
    /// several matches joined by commas, and an empty string when nothing matches.
    /// </summary>
    public string SelectText(JsonNode? root) => string.Join(",", Select(root).Select(FormatNode));

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string FormatNode(JsonNode? node) => node switch
    {
        null => "<none>",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    internal static bool ScalarEquals(JsonNode? node, object? literal) => literal switch
    {
        null => node is null,
        string text => node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == text,
        bool flag => node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False && value.GetValue<bool>() == flag,
        decimal number => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed == number,
        _ => false,
    };
}
