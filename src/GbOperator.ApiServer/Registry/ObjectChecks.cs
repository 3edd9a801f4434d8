using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.Resources;

namespace GbOperator.ApiServer.Registry;

/// <summary>Checks of a request body against the URL and the stored object, failing with 400 BadRequest or 422 Invalid.</summary>
internal static class ObjectChecks
{
    /// <summary>Rejects a body of another apiVersion or kind than the URL's, and fills both in when they are missing.</summary>
    public static void CheckTypeMeta(ResourceKind kind, JsonObject body)
    {
        var apiVersion = body["apiVersion"] is JsonValue version && version.TryGetValue<string>(out var versionText) ? versionText : null;
        var kindName = body["kind"] is JsonValue kindValue && kindValue.TryGetValue<string>(out var kindText) ? kindText : null;
        if (apiVersion is not null && apiVersion != ApiGroup.ApiVersion)
        {
            throw StatusObjects.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({ApiGroup.ApiVersion})");
        }

        if (kindName is not null && kindName != kind.Kind)
        {
            throw StatusObjects.BadRequest($"the kind in the data ({kindName}) does not match the expected kind ({kind.Kind}) of {kind.Plural}");
        }

        body["apiVersion"] = ApiGroup.ApiVersion;
        body["kind"] = kind.Kind;
    }

    public static void CheckNamespace(JsonObject body, string @namespace)
    {
        var bodyNamespace = ObjectMetadata.GetString(body, "namespace");
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != @namespace)
        {
            throw StatusObjects.BadRequest($"the namespace of the provided object ({bodyNamespace}) does not match the namespace sent on the request ({@namespace})");
        }
    }

    public static void CheckName(JsonObject body, string name)
    {
        var bodyName = ObjectMetadata.GetString(body, "name");
        if (bodyName != name)
        {
            throw StatusObjects.BadRequest($"the name of the object ({bodyName ?? "missing"}) does not match the name on the URL ({name})");
        }
    }

    /// <summary>Rejects finalizers added while the object is being deleted, as kube-apiserver does.</summary>
    public static void CheckFinalizersWhileDeleting(ResourceKind kind, JsonObject old, JsonObject next)
    {
        if (ObjectMetadata.GetString(old, "deletionTimestamp") is null)
        {
            return;
        }

        var before = ObjectMetadata.GetFinalizers(old).ToHashSet(StringComparer.Ordinal);
        var added = ObjectMetadata.GetFinalizers(next).Where(finalizer => !before.Contains(finalizer)).ToList();
        if (added.Count > 0)
        {
            throw StatusObjects.Invalid(
                kind.Kind,
                ObjectMetadata.GetString(old, "name") ?? string.Empty,
                [new FieldViolation("metadata.finalizers", FieldViolationType.Forbidden, $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers [{string.Join(", ", added)}]")]);
        }
    }
}
