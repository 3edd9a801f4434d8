using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Registry;

/// <summary>Combinations of a written object with the stored one, as the status subresource rules require.</summary>
internal static class ObjectMerging
{
    /// <summary>Returns the candidate with the stored status and the metadata fields only the server sets.</summary>
    public static JsonObject WithServerFieldsOf(JsonObject old, JsonObject candidate)
    {
        var next = candidate.DeepClone().AsObject();
        next.Remove("status");
        if (old["status"] is { } status)
        {
            next["status"] = status.DeepClone();
        }

        var metadata = ObjectMetadata.Get(next);
        var oldMetadata = ObjectMetadata.Get(old);
        foreach (var field in new[] { "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion" })
        {
            metadata.Remove(field);
            if (oldMetadata[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        metadata.Remove("selfLink");
        return next;
    }

    /// <summary>Returns the stored object with the candidate's status and nothing else from it.</summary>
    public static JsonObject WithStatusOf(JsonObject old, JsonObject candidate)
    {
        var next = old.DeepClone().AsObject();
        next.Remove("status");
        if (candidate["status"] is { } status)
        {
            next["status"] = status.DeepClone();
        }

        return next;
    }

    public static JsonObject WithoutMetadataAndStatus(JsonObject json)
    {
        var copy = json.DeepClone().AsObject();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }
}
