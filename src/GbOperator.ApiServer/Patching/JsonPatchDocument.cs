using System.Globalization;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;

namespace GbOperator.ApiServer.Patching;

/// <summary>JSON patch (RFC 6902): an array of <c>add</c>, <c>remove</c>, <c>replace</c>, <c>move</c>, <c>copy</c> and <c>test</c> operations.</summary>
/// <remarks>Operations apply in order to a copy; any failing operation fails the whole patch.</remarks>
internal static class JsonPatchDocument
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> and returns the patched document.</summary>
    /// <exception cref="ApiException">400 BadRequest for a malformed operation; 422 Invalid for a failed test or a missing path.</exception>
    public static JsonNode Apply(JsonNode target, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw StatusObjects.BadRequest("a JSON patch must be an array of operations");
        }

        var document = target.DeepClone();
        for (var index = 0; index < operations.Count; index++)
        {
            if (operations[index] is not JsonObject operation)
            {
                throw StatusObjects.BadRequest($"JSON patch operation {index} is not an object");
            }

            document = ApplyOperation(document, operation, index);
        }

        return document;
    }

    private static JsonNode ApplyOperation(JsonNode document, JsonObject operation, int index)
    {
        var op = RequiredString(operation, "op", index);
        var path = JsonPointer.Parse(RequiredString(operation, "path", index), index);
        switch (op)
        {
            case "add":
                return Add(document, path, RequiredValue(operation, index), index);
            case "remove":
                return Remove(document, path, index).Document;
            case "replace":
                var afterRemove = Remove(document, path, index).Document;
                return Add(afterRemove, path, RequiredValue(operation, index), index);
            case "move":
                var from = JsonPointer.Parse(RequiredString(operation, "from", index), index);
                var removed = Remove(document, from, index);
                return Add(removed.Document, path, removed.Value, index);
            case "copy":
                var source = JsonPointer.Parse(RequiredString(operation, "from", index), index);
                return Add(document, path, Get(document, source, index)?.DeepClone(), index);
            case "test":
                var actual = Get(document, path, index);
                if (!JsonNode.DeepEquals(actual, RequiredValue(operation, index)))
                {
                    throw Failed(index, $"test failed: the value at \"{JsonPointer.Format(path)}\" differs from the expected value");
                }

                return document;
            default:
                throw StatusObjects.BadRequest($"JSON patch operation {index} has the unsupported op \"{op}\"; expected add, remove, replace, move, copy or test");
        }
    }

    private static JsonNode Add(JsonNode document, IReadOnlyList<string> path, JsonNode? value, int index)
    {
        if (path.Count == 0)
        {
            return value ?? throw Failed(index, "cannot replace the whole document with null");
        }

        var parent = Get(document, path.Take(path.Count - 1).ToList(), index);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject parentObject:
                parentObject[last] = value;
                return document;
            case JsonArray parentArray:
                var position = last == "-" ? parentArray.Count : ArrayIndex(last, parentArray.Count + 1, index);
                parentArray.Insert(position, value);
                return document;
            default:
                throw Failed(index, $"the parent of \"{JsonPointer.Format(path)}\" is not an object or an array");
        }
    }

    private static (JsonNode Document, JsonNode? Value) Remove(JsonNode document, IReadOnlyList<string> path, int index)
    {
        if (path.Count == 0)
        {
            throw Failed(index, "cannot remove the whole document");
        }

        var parent = Get(document, path.Take(path.Count - 1).ToList(), index);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject parentObject when parentObject.ContainsKey(last):
                var value = parentObject[last];
                parentObject.Remove(last);
                return (document, value);
            case JsonArray parentArray:
                var position = ArrayIndex(last, parentArray.Count, index);
                var item = parentArray[position];
                parentArray.RemoveAt(position);
                return (document, item);
            default:
                throw Failed(index, $"the path \"{JsonPointer.Format(path)}\" does not exist");
        }
    }

    private static JsonNode? Get(JsonNode document, IReadOnlyList<string> path, int index)
    {
        JsonNode? current = document;
        foreach (var token in path)
        {
            current = current switch
            {
                JsonObject currentObject when currentObject.TryGetPropertyValue(token, out var child) => child,
                JsonArray currentArray => currentArray[ArrayIndex(token, currentArray.Count, index)],
                _ => throw Failed(index, $"the path \"{JsonPointer.Format(path)}\" does not exist"),
            };
        }

        return current;
    }

    private static int ArrayIndex(string token, int count, int index)
    {
        var valid = token.Length > 0
            && token.All(char.IsAsciiDigit)
            && (token.Length == 1 || token[0] != '0')
            && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            && position < count;
        if (!valid)
        {
            throw Failed(index, $"\"{token}\" is not a valid index for an array of {count} items");
        }

        return int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string RequiredString(JsonObject operation, string member, int index) =>
        operation[member] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw StatusObjects.BadRequest($"JSON patch operation {index} is missing the string member \"{member}\"");

    private static JsonNode? RequiredValue(JsonObject operation, int index) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw StatusObjects.BadRequest($"JSON patch operation {index} is missing the member \"value\"");

    private static ApiException Failed(int index, string problem) =>
        new(422, "Invalid", $"JSON patch operation {index} failed: {problem}");
}
