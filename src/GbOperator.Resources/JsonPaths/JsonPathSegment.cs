using System.Text.Json.Nodes;

namespace GbOperator.Resources.JsonPaths;

/// <summary>One step of a <see cref="JsonPathExpression"/>.</summary>
internal abstract record JsonPathSegment
{
    /// <summary>Adds the nodes this step selects from <paramref name="node"/> to <paramref name="results"/>.</summary>
    public abstract void Apply(JsonNode? node, List<JsonNode?> results);

    /// <summary>A member by name: <c>.name</c> or <c>['name']</c>.</summary>
    public sealed record Child(string Name) : JsonPathSegment
    {
        public override void Apply(JsonNode? node, List<JsonNode?> results)
        {
            if (node is JsonObject obj && obj.TryGetPropertyValue(Name, out var value))
            {
                results.Add(value);
            }
        }
    }

    /// <summary>An array element by index. A negative index counts from the end.</summary>
    public sealed record Index(int Position) : JsonPathSegment
    {
        public override void Apply(JsonNode? node, List<JsonNode?> results)
        {
            if (node is not JsonArray array)
            {
                return;
            }

            var position = Position < 0 ? array.Count + Position : Position;
            if (position >= 0 && position < array.Count)
            {
                results.Add(array[position]);
            }
        }
    }

    /// <summary>Every element of an array or every member value of an object: <c>[*]</c> or <c>.*</c>.</summary>
    public sealed record Wildcard : JsonPathSegment
    {
        public override void Apply(JsonNode? node, List<JsonNode?> results)
        {
            switch (node)
            {
                case JsonArray array:
                    results.AddRange(array);
                    break;
                case JsonObject obj:
                    results.AddRange(obj.Select(pair => pair.Value));
                    break;
            }
        }
    }

    /// <summary>
    /// The array elements whose member at <paramref name="Path"/> equals (or, negated, differs from)
    /// <paramref name="Literal"/>: <c>[?(@.type=="Ready")]</c>.
    /// </summary>
    public sealed record Filter(IReadOnlyList<string> Path, object? Literal, bool Negated) : JsonPathSegment
    {
        public override void Apply(JsonNode? node, List<JsonNode?> results)
        {
            if (node is not JsonArray array)
            {
                return;
            }

            foreach (var element in array)
            {
                var found = TryResolve(element, out var value);
                var equal = found && JsonPathExpression.ScalarEquals(value, Literal);
                if (Negated ? found && !equal : equal)
                {
                    results.Add(element);
                }
            }
        }

        private bool TryResolve(JsonNode? element, out JsonNode? value)
        {
            value = element;
            foreach (var name in Path)
            {
                if (value is not JsonObject obj || !obj.TryGetPropertyValue(name, out value))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
