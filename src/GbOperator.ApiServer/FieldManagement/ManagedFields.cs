using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.FieldManagement;

/// <summary>Reads and writes <c>metadata.managedFields</c> of an object kept as JSON.</summary>
internal static class ManagedFields
{
    public static List<ManagedFieldsEntry> Read(JsonObject json) =>
        json["metadata"] is JsonObject metadata && metadata["managedFields"] is JsonArray entries
            ? entries.Select(ManagedFieldsEntry.FromJson).OfType<ManagedFieldsEntry>().ToList()
            : [];

    /// <summary>Stores the entries that own at least one field, and removes the member when none does.</summary>
    public static void Write(JsonObject json, IEnumerable<ManagedFieldsEntry> entries)
    {
        if (json["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            json["metadata"] = metadata;
        }

        var kept = entries.Where(entry => entry.Fields.Count > 0).Select(entry => (JsonNode?)entry.ToJson()).ToArray();
        if (kept.Length == 0)
        {
            metadata.Remove("managedFields");
            return;
        }

        metadata["managedFields"] = new JsonArray(kept);
    }
}
