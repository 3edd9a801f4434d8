using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.Resources;

namespace GbOperator.ApiServer.Registry;

/// <summary>
/// The <c>/scale</c> subresource of a kind: where its desired and observed replica counts live, and the
/// conversion to and from <c>autoscaling/v1 Scale</c>.
/// </summary>
/// <param name="SpecReplicasPath">Path of the desired replica count, such as <c>spec.replicas</c>.</param>
/// <param name="StatusReplicasPath">Path of the observed replica count; a missing value reads as 0.</param>
/// <param name="LabelSelectorPath">Path of the label selector string of the instances; a missing value is left out.</param>
internal sealed record ScaleSubresource(IReadOnlyList<string> SpecReplicasPath, IReadOnlyList<string> StatusReplicasPath, IReadOnlyList<string> LabelSelectorPath)
{
    private static readonly ScaleSubresource BotClusterScale = new(["spec", "replicas"], ["status", "replicas"], ["status", "selector"]);

    /// <summary>Returns the scale subresource of <paramref name="kind"/>, or <c>null</c> when it has none.</summary>
    public static ScaleSubresource? For(ResourceKind kind) => kind.Kind == "BotCluster" ? BotClusterScale : null;

    /// <summary>Builds the <c>Scale</c> object of <paramref name="json"/>.</summary>
    public JsonObject ToScale(JsonObject json)
    {
        var metadata = new JsonObject();
        foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (ObjectMetadata.GetString(json, field) is { } value)
            {
                metadata[field] = value;
            }
        }

        var status = new JsonObject { ["replicas"] = ReadInteger(json, StatusReplicasPath) };
        if (Read(json, LabelSelectorPath) is JsonValue selector && selector.TryGetValue<string>(out var selectorText))
        {
            status["selector"] = selectorText;
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["replicas"] = ReadInteger(json, SpecReplicasPath) },
            ["status"] = status,
        };
    }

    /// <summary>Returns <paramref name="json"/> with the replica count of <paramref name="scale"/> and its resourceVersion as a precondition.</summary>
    /// <exception cref="ApiException">400 when the body is not a Scale; 422 when <c>spec.replicas</c> is missing or negative.</exception>
    public JsonObject Apply(JsonObject json, JsonObject scale, string name)
    {
        if (scale["kind"] is JsonValue kind && kind.TryGetValue<string>(out var kindName) && kindName != "Scale")
        {
            throw StatusObjects.BadRequest($"the kind in the data ({kindName}) does not match the expected kind (Scale) of the scale subresource");
        }

        if (ObjectMetadata.GetString(scale, "name") is { } scaleName && scaleName != name)
        {
            throw StatusObjects.BadRequest($"the name of the object ({scaleName}) does not match the name on the URL ({name})");
        }

        if (scale["spec"] is not JsonObject spec
            || spec["replicas"] is not JsonValue replicasValue
            || !replicasValue.TryGetValue<long>(out var replicas)
            || replicas < 0)
        {
            throw StatusObjects.Invalid("Scale", name, [new FieldViolation("spec.replicas", FieldViolationType.Invalid, "Invalid value: must be an integer greater than or equal to 0")]);
        }

        var parent = json;
        foreach (var segment in SpecReplicasPath.Take(SpecReplicasPath.Count - 1))
        {
            if (parent[segment] is not JsonObject child)
            {
                child = new JsonObject();
                parent[segment] = child;
            }

            parent = child;
        }

        parent[SpecReplicasPath[^1]] = replicas;
        var metadata = ObjectMetadata.Get(json);
        if (ObjectMetadata.GetString(scale, "resourceVersion") is { Length: > 0 } resourceVersion)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return json;
    }

    private static long ReadInteger(JsonObject json, IReadOnlyList<string> path) =>
        Read(json, path) is JsonValue value && value.TryGetValue<long>(out var number) ? number : 0;

    private static JsonNode? Read(JsonObject json, IReadOnlyList<string> path)
    {
        JsonNode? node = json;
        foreach (var segment in path)
        {
            node = node is JsonObject parent ? parent[segment] : null;
        }

        return node;
    }
}
