using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.Resources;

namespace GbOperator.ApiServer.Registry;

/// <summary>Decodes, validates and defaults an object through the typed resource model.</summary>
internal static class ResourceCanonicalizer
{
    /// <summary>
    /// Returns the object as stored: spec and status decoded strictly, validated and with defaults filled,
    /// and <c>metadata</c> copied unchanged from <paramref name="json"/>.
    /// </summary>
    /// <exception cref="ApiException">422 Invalid with one cause per violation.</exception>
    public static JsonObject Canonicalize(ResourceKind kind, JsonObject json)
    {
        var name = ObjectMetadata.GetString(json, "name") ?? string.Empty;
        var decoded = ResourceCodec.Decode(json.DeepClone().AsObject());
        if (!decoded.Succeeded)
        {
            throw StatusObjects.Invalid(kind.Kind, name, decoded.Violations);
        }

        var violations = ResourceValidator.Validate(decoded.Resource);
        if (violations.Count > 0)
        {
            throw StatusObjects.Invalid(kind.Kind, name, violations);
        }

        var encoded = ResourceCodec.Encode(decoded.Resource);
        encoded["metadata"] = json["metadata"]?.DeepClone() ?? new JsonObject();
        return Reorder(encoded);
    }

    /// <summary>Returns the object's members in the order Kubernetes prints them.</summary>
    private static JsonObject Reorder(JsonObject json)
    {
        var ordered = new JsonObject();
        foreach (var name in new[] { "apiVersion", "kind", "metadata", "spec", "status" })
        {
            if (json.TryGetPropertyValue(name, out var value))
            {
                json.Remove(name);
                ordered[name] = value;
            }
        }

        foreach (var (name, value) in json.ToList())
        {
            json.Remove(name);
            ordered[name] = value;
        }

        return ordered;
    }
}
