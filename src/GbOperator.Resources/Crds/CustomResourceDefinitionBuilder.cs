using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace GbOperator.Resources.Crds;

/// <summary>
/// Builds the <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition of a kind from its C# types, so the
/// CRD files of real Kubernetes clusters follow the types.
/// </summary>
/// <remarks>
/// The schema is structural: every node has a type, maps use <c>additionalProperties</c>, and
/// <c>metadata</c> is left to the API server. Lists marked with <see cref="ListMapKeysAttribute"/> are list maps. Spec fields carry their C# defaults, and each spec object
/// defaults to <c>{}</c> so nested defaults apply when a parent is absent. Value sets and ranges are not in
/// the schema; <see cref="ResourceValidator"/> enforces them.
/// </remarks>
public static class CustomResourceDefinitionBuilder
{
    /// <summary>Builds the CRD of <paramref name="kind"/> as a JSON object.</summary>
    public static JsonObject Build(ResourceKind kind)
    {
        var version = new JsonObject
        {
            ["name"] = ApiGroup.Version,
            ["served"] = true,
            ["storage"] = true,
            ["subresources"] = Subresources(kind),
            ["additionalPrinterColumns"] = new JsonArray(kind.PrinterColumns.Select(PrinterColumnNode).ToArray()),
            ["schema"] = new JsonObject { ["openAPIV3Schema"] = RootSchema(kind.ResourceType) },
        };

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = kind.QualifiedName },
            ["spec"] = new JsonObject
            {
                ["group"] = ApiGroup.Name,
                ["scope"] = "Namespaced",
                ["names"] = new JsonObject
                {
                    ["plural"] = kind.Plural,
                    ["singular"] = kind.Singular,
                    ["kind"] = kind.Kind,
                    ["listKind"] = kind.ListKind,
                    ["shortNames"] = new JsonArray(kind.ShortNames.Select(name => (JsonNode?)name).ToArray()),
                    ["categories"] = new JsonArray(ResourceCatalog.Category),
                },
                ["versions"] = new JsonArray(version),
            },
        };
    }

    /// <summary>Returns the serialized JSON name of each property of <paramref name="type"/> that the codec reads and writes.</summary>
    public static IEnumerable<(string Name, PropertyInfo Property)> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetMethod is not null && property.SetMethod is not null
                && property.GetIndexParameters().Length == 0
                && property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(property => (
                property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                property));

    private static JsonObject Subresources(ResourceKind kind)
    {
        var subresources = new JsonObject { ["status"] = new JsonObject() };
        if (kind.ResourceType.GetProperty("Spec")?.PropertyType.GetProperty("Replicas") is not null)
        {
            subresources["scale"] = new JsonObject
            {
                ["specReplicasPath"] = ".spec.replicas",
                ["statusReplicasPath"] = ".status.replicas",
                ["labelSelectorPath"] = ".status.selector",
            };
        }

        return subresources;
    }

    private static JsonNode PrinterColumnNode(PrinterColumn column)
    {
        var node = new JsonObject { ["name"] = column.Name, ["type"] = column.Type, ["jsonPath"] = column.JsonPath };
        if (column.Priority != 0)
        {
            node["priority"] = column.Priority;
        }

        return node;
    }

    private static JsonObject RootSchema(Type resourceType)
    {
        var properties = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["metadata"] = new JsonObject { ["type"] = "object" },
        };
        var specType = resourceType.GetProperty("Spec")!.PropertyType;
        var statusType = resourceType.GetProperty("Status")!.PropertyType;
        properties["spec"] = ObjectSchema(specType, Activator.CreateInstance(specType), withDefault: true);
        properties["status"] = ObjectSchema(statusType, instance: null, withDefault: false);
        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static JsonObject ObjectSchema(Type type, object? instance, bool withDefault)
    {
        var properties = new JsonObject();
        foreach (var (name, property) in JsonProperties(type))
        {
            var value = instance is null ? null : property.GetValue(instance);
            var schema = Schema(property.PropertyType, value, withDefault && instance is not null);
            if (property.GetCustomAttribute<ListMapKeysAttribute>() is { } listMap)
            {
                schema["items"]!["required"] = new JsonArray(listMap.Keys.Select(key => (JsonNode?)key).ToArray());
                schema["x-kubernetes-list-type"] = "map";
                schema["x-kubernetes-list-map-keys"] = new JsonArray(listMap.Keys.Select(key => (JsonNode?)key).ToArray());
            }

            properties[name] = schema;
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static JsonObject Schema(Type type, object? defaultValue, bool withDefault)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        JsonObject schema;
        if (ScalarSchema(underlying) is { } scalar)
        {
            schema = scalar;
            // An empty string is the C# placeholder of a value the user must give, not a default.
            if (withDefault && defaultValue is not null and not "")
            {
                schema["default"] = JsonSerializer.SerializeToNode(defaultValue, underlying, ResourceCodec.SerializerOptions);
            }

            return schema;
        }

        if (DictionaryValueType(underlying) is { } valueType)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Schema(valueType, null, false) };
        }

        if (ListItemType(underlying) is { } itemType)
        {
            // Item fields get their defaults too, as the codec fills them in each decoded item.
            var items = withDefault && ScalarSchema(itemType) is null && itemType.GetConstructor(Type.EmptyTypes) is not null
                ? ObjectSchema(itemType, Activator.CreateInstance(itemType), withDefault: true)
                : Schema(itemType, null, false);
            schema = new JsonObject { ["type"] = "array", ["items"] = items };
            if (withDefault && defaultValue is ICollection { Count: > 0 })
            {
                schema["default"] = JsonSerializer.SerializeToNode(defaultValue, underlying, ResourceCodec.SerializerOptions);
            }

            return schema;
        }

        if (underlying == typeof(V1ObjectMeta))
        {
            return new JsonObject { ["type"] = "object" };
        }

        schema = ObjectSchema(underlying, defaultValue, withDefault);
        if (withDefault && defaultValue is not null)
        {
            schema["default"] = new JsonObject();
        }

        return schema;
    }

    private static JsonObject? ScalarSchema(Type type)
    {
        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        }

        if (type == typeof(long))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        }

        if (type == typeof(double))
        {
            return new JsonObject { ["type"] = "number", ["format"] = "double" };
        }

        if (type == typeof(DateTime))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }

        return null;
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static Type? ListItemType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var list = type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>))
            ? type
            : null;
        return list?.GetGenericArguments()[0];
    }
}
