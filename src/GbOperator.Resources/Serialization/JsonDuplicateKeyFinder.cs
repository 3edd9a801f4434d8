using System.Text;
using System.Text.Json;

namespace GbOperator.Resources.Serialization;

/// <summary>Finds the first duplicate key in JSON text and returns its field path, which <see cref="JsonDocument"/> does not report.</summary>
internal static class JsonDuplicateKeyFinder
{
    /// <summary>
    /// Returns the path of the first repeated key, such as <c>spec.image</c>, and its 1-based line and column,
    /// or <c>null</c> when every key is unique.
    /// </summary>
    /// <exception cref="JsonException">The text is malformed.</exception>
    public static (string Path, int Line, int Column)? Find(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var scopes = new Stack<Scope>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (scopes.TryPeek(out var parent) && parent.IsArray)
                    {
                        parent.Index++;
                    }

                    scopes.Push(new Scope(reader.TokenType == JsonTokenType.StartArray, Segment(scopes)));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    scopes.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var scope = scopes.Peek();
                    scope.Key = reader.GetString()!;
                    if (!scope.Keys.Add(scope.Key))
                    {
                        var (line, column) = Position(bytes, (int)reader.TokenStartIndex);
                        return (Join(scope.Path, scope.Key), line, column);
                    }

                    break;
                default:
                    if (scopes.TryPeek(out var array) && array.IsArray)
                    {
                        array.Index++;
                    }

                    break;
            }
        }

        return null;
    }

    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var before = bytes.AsSpan(0, offset);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    private static string Segment(Stack<Scope> scopes)
    {
        if (!scopes.TryPeek(out var parent))
        {
            return "";
        }

        return parent.IsArray ? $"{parent.Path}[{parent.Index - 1}]" : Join(parent.Path, parent.Key);
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private sealed class Scope(bool isArray, string path)
    {
        public bool IsArray { get; } = isArray;

        public string Path { get; } = path;

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public string Key { get; set; } = "";

        public int Index { get; set; }
    }
}
