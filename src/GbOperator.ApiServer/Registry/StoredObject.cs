using System.Text.Json;
using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Registry;

/// <summary>Conversion between stored bytes and API objects.</summary>
/// <remarks>
/// The store contains each object's JSON without <c>metadata.resourceVersion</c>; reads set it from the
/// store revision of the object's last write, so the two can never disagree.
/// </remarks>
internal static class StoredObject
{
    /// <summary>Parses stored JSON and sets <c>metadata.resourceVersion</c> to <paramref name="revision"/>.</summary>
    public static JsonObject Parse(ReadOnlySpan<byte> value, long revision)
    {
        var json = JsonNode.Parse(value)?.AsObject() ?? throw new InvalidDataException("A stored value is not a JSON object.");
        ObjectMetadata.Get(json)["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return json;
    }

    /// <summary>Serializes <paramref name="json"/> for the store, leaving out <c>metadata.resourceVersion</c>.</summary>
    public static byte[] ToStoredValue(JsonObject json)
    {
        var copy = json.DeepClone().AsObject();
        ObjectMetadata.Get(copy).Remove("resourceVersion");
        return ToUtf8(copy);
    }

    /// <summary>Serializes a JSON node as compact UTF-8.</summary>
    public static byte[] ToUtf8(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
