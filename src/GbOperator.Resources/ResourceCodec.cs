using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GbOperator.Resources.Serialization;

namespace GbOperator.Resources;

/// <summary>Strict conversion between JSON and the typed resources.</summary>
public static class ResourceCodec
{
    /// <summary>
    /// The serializer options of every resource: camelCase names, unknown fields and duplicate keys rejected,
    /// nullable annotations enforced, null fields left out, RFC 3339 UTC times.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    /// <summary>
    /// Decodes an object of any served kind, rejecting unknown fields, duplicate keys and values of the
    /// wrong type, and filling every absent spec field with its default.
    /// </summary>
    /// <returns>The typed object, or the violations with field paths (nothing thrown for bad input).</returns>
    public static DecodeResult Decode(JsonObject json)
    {
        var typeViolations = CheckTypeMeta(json, out var kind);
        if (kind is null)
        {
            return new DecodeResult(null, typeViolations);
        }

        foreach (var section in (string[])["metadata", "spec"])
        {
            if (json.TryGetPropertyValue(section, out var value) && value is not JsonObject)
            {
                return Failure(new FieldViolation(section, FieldViolationType.TypeInvalid,
                    $"must be an object, not {value?.GetValueKind().ToString() ?? "null"}: remove the field to get its defaults, or give an object"));
            }
        }

        if (NullElementFinder.Find(json, kind.ResourceType) is { } nullPath)
        {
            return Failure(new FieldViolation(nullPath, FieldViolationType.TypeInvalid, "must not be null: remove the entry or give a value"));
        }

        // NOTE: System.Text.Json stops at the first unknown field or wrong type, so only that one is reported.
        try
        {
            var resource = (Resource?)json.Deserialize(kind.ResourceType, SerializerOptions);
            return resource is null
                ? Failure(new FieldViolation("", FieldViolationType.TypeInvalid, "must be a JSON object"))
                : new DecodeResult(resource, []);
        }
        catch (JsonException exception)
        {
            return Failure(JsonErrorClassifier.Classify(exception, json));
        }
    }

    /// <summary>
    /// Parses UTF-8 or string JSON text and decodes it like <see cref="Decode(JsonObject)"/>. A duplicate key
    /// or malformed JSON becomes a violation, not an exception.
    /// </summary>
    public static DecodeResult Decode(string json)
    {
        JsonNode? node;
        try
        {
            if (JsonDuplicateKeyFinder.Find(json) is { } duplicate)
            {
                var key = duplicate.Path[(duplicate.Path.LastIndexOf('.') + 1)..];
                return Failure(new FieldViolation(duplicate.Path, FieldViolationType.Duplicate, $"duplicate key \"{key}\": keep one of them"));
            }

            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            return Failure(ToViolation(exception));
        }

        return node is JsonObject obj
            ? Decode(obj)
            : Failure(new FieldViolation("", FieldViolationType.TypeInvalid, "the body must be a JSON object"));
    }

    /// <summary>Encodes a typed object as JSON, with defaults written out and null fields left out.</summary>
    public static JsonObject Encode(Resource resource)
    {
        var node = JsonSerializer.SerializeToNode(resource, resource.GetType(), SerializerOptions)!.AsObject();

        // Kubernetes writes the type meta first; the serializer lists derived-type members first.
        var ordered = new JsonObject();
        foreach (var name in (string[])["apiVersion", "kind", "metadata", "spec", "status"])
        {
            if (node.Remove(name, out var value))
            {
                ordered[name] = value;
            }
        }

        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            ordered[name] = value;
        }

        return ordered;
    }

    private static List<FieldViolation> CheckTypeMeta(JsonObject json, out ResourceKind? kind)
    {
        kind = null;
        var violations = new List<FieldViolation>();

        var apiVersion = ReadString(json, "apiVersion", violations);
        if (apiVersion is not null && apiVersion != ApiGroup.ApiVersion)
        {
            violations.Add(new FieldViolation("apiVersion", FieldViolationType.NotSupported,
                $"unsupported value \"{apiVersion}\": must be \"{ApiGroup.ApiVersion}\""));
        }

        var kindName = ReadString(json, "kind", violations);
        if (kindName is not null)
        {
            kind = ResourceCatalog.FindByKind(kindName);
            if (kind is null)
            {
                var supported = string.Join(", ", ResourceCatalog.All.Select(k => $"\"{k.Kind}\""));
                violations.Add(new FieldViolation("kind", FieldViolationType.NotSupported,
                    $"unsupported value \"{kindName}\": must be one of {supported}"));
            }
        }

        if (violations.Count > 0)
        {
            kind = null;
        }

        return violations;
    }

    private static string? ReadString(JsonObject json, string name, List<FieldViolation> violations)
    {
        if (!json.TryGetPropertyValue(name, out var node) || node is null)
        {
            violations.Add(new FieldViolation(name, FieldViolationType.Required, "required value: set it in every object"));
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (text.Length == 0)
            {
                violations.Add(new FieldViolation(name, FieldViolationType.Required, "required value: must not be empty"));
                return null;
            }

            return text;
        }

        violations.Add(new FieldViolation(name, FieldViolationType.TypeInvalid, $"must be a string, not {node.GetValueKind()}"));
        return null;
    }

    private static DecodeResult Failure(FieldViolation violation) => new(null, [violation]);

    private static FieldViolation ToViolation(JsonException exception) =>
        JsonErrorClassifier.Classify(exception);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new Rfc3339DateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
