using System.Text.Json.Nodes;
using GbOperator.Resources;

namespace GbOperator.ApiServer.FieldManagement;

/// <summary>One entry of <c>metadata.managedFields</c>: the fields one manager set through one operation.</summary>
/// <param name="Manager">Field manager name, from the <c>fieldManager</c> query parameter or the user agent.</param>
/// <param name="Operation"><c>Apply</c> for server-side apply, <c>Update</c> for every other write.</param>
/// <param name="Subresource"><c>status</c> or <c>scale</c> for writes through a subresource, otherwise <c>null</c>.</param>
/// <param name="Time">Timestamp of the last write that changed the entry, in Kubernetes format.</param>
/// <param name="Fields">The fields the manager owns.</param>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string? Subresource, string Time, HashSet<FieldPath> Fields)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    /// <summary>Returns whether this entry belongs to the same manager, operation and subresource.</summary>
    public bool IsSameOwner(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && Subresource == subresource;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["time"] = Time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldSet.ToFieldsV1(Fields),
        };
        if (Subresource is not null)
        {
            json["subresource"] = Subresource;
        }

        return json;
    }

    /// <summary>Reads an entry; returns <c>null</c> for one without a manager, which cannot own anything.</summary>
    public static ManagedFieldsEntry? FromJson(JsonNode? node)
    {
        if (node is not JsonObject json || Text(json, "manager") is not { Length: > 0 } manager)
        {
            return null;
        }

        return new ManagedFieldsEntry(
            manager,
            Text(json, "operation") ?? UpdateOperation,
            Text(json, "subresource"),
            Text(json, "time") ?? string.Empty,
            FieldSet.FromFieldsV1(json["fieldsV1"] as JsonObject));
    }

    private static string? Text(JsonObject json, string field) =>
        json[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
