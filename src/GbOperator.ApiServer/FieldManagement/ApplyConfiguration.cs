using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Patching;
using GbOperator.ApiServer.Registry;
using GbOperator.Resources;

namespace GbOperator.ApiServer.FieldManagement;

/// <summary>The body of a server-side apply: the fields one manager wants set, as a partial object.</summary>
internal sealed class ApplyConfiguration
{
    private static readonly string[] ServerMetadata = ["uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"];

    private ApplyConfiguration(JsonObject body, HashSet<FieldPath> fields)
    {
        Body = body;
        Fields = fields;
    }

    /// <summary>The configuration without <c>status</c> and server-set metadata.</summary>
    public JsonObject Body { get; }

    /// <summary>The fields the configuration sets, which its manager owns after the apply.</summary>
    public HashSet<FieldPath> Fields { get; }

    /// <summary>Checks a configuration against the URL and returns it with its fields.</summary>
    /// <exception cref="ApiException">400 when <c>apiVersion</c>, <c>kind</c>, name or namespace is missing or differs from the URL, or when it carries <c>managedFields</c>.</exception>
    public static ApplyConfiguration Parse(ResourceKind kind, string @namespace, string name, JsonObject body)
    {
        if (body["apiVersion"] is not JsonValue || body["kind"] is not JsonValue)
        {
            throw StatusObjects.BadRequest($"invalid apply configuration: apiVersion and kind must be set, such as apiVersion: {ApiGroup.ApiVersion} and kind: {kind.Kind}");
        }

        ObjectChecks.CheckTypeMeta(kind, body);
        ObjectChecks.CheckNamespace(body, @namespace);
        ObjectChecks.CheckName(body, name);
        var metadata = ObjectMetadata.Get(body);
        if (metadata["managedFields"] is not null)
        {
            throw StatusObjects.BadRequest("invalid apply configuration: metadata.managedFields must not be set; the server records field managers itself");
        }

        metadata["namespace"] = @namespace;
        foreach (var field in ServerMetadata)
        {
            metadata.Remove(field);
        }

        body.Remove("status");
        return new ApplyConfiguration(body, FieldSet.Leaves(body).Keys.ToHashSet());
    }

    /// <summary>
    /// Returns the live object with the configuration merged in, after removing the fields this manager applied
    /// before, left out now, and no other manager owns.
    /// </summary>
    public JsonObject MergeInto(JsonObject live, string manager)
    {
        var entries = ManagedFields.Read(live);
        var previous = entries.FirstOrDefault(entry => entry.IsSameOwner(manager, ManagedFieldsEntry.ApplyOperation, null))?.Fields ?? [];
        var ownedByOthers = entries
            .Where(entry => !entry.IsSameOwner(manager, ManagedFieldsEntry.ApplyOperation, null))
            .SelectMany(entry => entry.Fields)
            .ToHashSet();
        var candidate = live.DeepClone().AsObject();
        foreach (var field in previous)
        {
            if (!Fields.Any(field.Overlaps) && !ownedByOthers.Contains(field))
            {
                Remove(candidate, field);
            }
        }

        var body = Body.DeepClone().AsObject();
        ObjectMetadata.Get(body).Remove("resourceVersion");
        var merged = JsonMergePatch.Apply(candidate, body)!.AsObject();
        if (ObjectMetadata.GetString(Body, "resourceVersion") is { Length: > 0 } pinned)
        {
            ObjectMetadata.Get(merged)["resourceVersion"] = pinned;
        }

        return merged;
    }

    /// <summary>Removes one field and then each parent object that the removal left empty, except top-level members.</summary>
    private static void Remove(JsonObject json, FieldPath field)
    {
        var parents = new List<JsonObject> { json };
        foreach (var segment in field.Segments.Take(field.Segments.Count - 1))
        {
            if (parents[^1][segment] is not JsonObject child)
            {
                return;
            }

            parents.Add(child);
        }

        parents[^1].Remove(field.Segments[^1]);
        for (var depth = parents.Count - 1; depth >= 2; depth--)
        {
            if (parents[depth].Count > 0)
            {
                break;
            }

            parents[depth - 1].Remove(field.Segments[depth - 1]);
        }
    }
}
