using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace GbOperator.Resources.Serialization;

/// <summary>
/// Finds null array elements and null map values, which System.Text.Json accepts even where the element
/// type is not nullable.
/// </summary>
internal static class NullElementFinder
{
    /// <summary>Returns the path of the first null element or map value in <paramref name="node"/>, read as <paramref name="type"/>, or <c>null</c> when there is none.</summary>
    public static string? Find(JsonNode? node, Type type, string path = "")
    {
        var info = ResourceCodec.SerializerOptions.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject obj:
                foreach (var property in info.Properties)
                {
                    if (obj.TryGetPropertyValue(property.Name, out var child) && child is not null
                        && Find(child, property.PropertyType, Join(path, property.Name)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonTypeInfoKind.Enumerable when node is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var elementPath = $"{path}[{i}]";
                    if (array[i] is null && !AllowsNull(info.ElementType!))
                    {
                        return elementPath;
                    }

                    if (Find(array[i], info.ElementType!, elementPath) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map:
                foreach (var (key, value) in map)
                {
                    var valuePath = Join(path, key);
                    if (value is null && !AllowsNull(info.ElementType!))
                    {
                        return valuePath;
                    }

                    if (Find(value, info.ElementType!, valuePath) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool AllowsNull(Type type) => Nullable.GetUnderlyingType(type) is not null;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
