using System.Globalization;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.FieldManagement;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Logging;
using GbOperator.Resources;
using GbOperator.Storage;
using Microsoft.Extensions.Logging;

namespace GbOperator.ApiServer.Registry;

/// <summary>
/// The write and read paths of the API: decode, validate, default, set server metadata and store,
/// with optimistic concurrency on the store revision.
/// </summary>
/// <remarks>
/// Every method takes the kind and namespace from the URL. Status is a subresource: main-resource
/// writes keep the stored status and <c>/status</c> writes change nothing else. <c>metadata.generation</c>
/// grows only when something outside <c>metadata</c> and <c>status</c> changes, or when deletion starts.
/// Store failures become <see cref="ApiException"/>s with the matching Kubernetes reason.
/// Every write records its field manager in <c>metadata.managedFields</c> (see <see cref="FieldOwnership"/>).
/// The server ignores <c>managedFields</c> that a client sends.
/// </remarks>
internal sealed class ResourceRegistry(IResourceStore store, TimeProvider timeProvider, ILogger<ResourceRegistry> logger)
{
    private const int MaxPatchAttempts = 5;
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public async Task<JsonObject> GetAsync(ResourceKind kind, string @namespace, string name, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(kind, @namespace, name, cancellationToken);
        return StoredObject.Parse(stored.Value.Span, stored.ModRevision);
    }

    /// <summary>Lists objects of one namespace, or of all when <paramref name="namespace"/> is <c>null</c>, in key order.</summary>
    public async Task<(List<JsonObject> Items, long Revision, string? Continue)> ListAsync(
        ResourceKind kind, string? @namespace, ListQuery query, CancellationToken cancellationToken)
    {
        var prefix = @namespace is null ? kind.KeyPrefix : kind.NamespaceKeyPrefix(@namespace);
        string? startAfter = null;
        var revision = query.ExactRevision;
        if (query.Continue is not null)
        {
            var token = ContinueToken.Decode(query.Continue, prefix);
            startAfter = token.StartAfterKey;
            revision = token.Revision;
        }

        var items = new List<JsonObject>();
        string? nextContinue = null;
        try
        {
            while (true)
            {
                var page = await store.ListAsync(prefix, startAfter, query.Limit, revision, cancellationToken);
                revision = page.Revision;
                for (var index = 0; index < page.Items.Count; index++)
                {
                    var item = page.Items[index];
                    startAfter = item.Key;
                    var json = StoredObject.Parse(item.Value.Span, item.ModRevision);
                    if (!query.Labels.Matches(json) || !query.Fields.Matches(json))
                    {
                        continue;
                    }

                    items.Add(json);
                    var more = index < page.Items.Count - 1 || page.HasMore;
                    if (query.Limit > 0 && items.Count == query.Limit && more)
                    {
                        nextContinue = new ContinueToken(revision, item.Key).Encode();
                        return (items, revision, nextContinue);
                    }
                }

                if (!page.HasMore || page.Items.Count == 0)
                {
                    return (items, revision, null);
                }
            }
        }
        catch (RevisionCompactedException exception)
        {
            throw StatusObjects.Expired(query.Continue is null
                ? $"too old resource version: {exception.RequestedRevision} ({exception.CompactedRevision})"
                : "The provided continue parameter is too old to display a consistent list result. Start a new list without the continue parameter.");
        }
    }

    /// <summary>Creates an object; returns it as stored, or as it would be stored when <paramref name="dryRun"/> is set.</summary>
    public Task<JsonObject> CreateAsync(ResourceKind kind, string @namespace, JsonObject body, FieldOwner owner, bool dryRun, CancellationToken cancellationToken) =>
        CreateAsync(kind, @namespace, body, owner, ManagedFieldsEntry.UpdateOperation, dryRun, cancellationToken);

    private async Task<JsonObject> CreateAsync(
        ResourceKind kind, string @namespace, JsonObject body, FieldOwner owner, string operation, bool dryRun, CancellationToken cancellationToken)
    {
        ObjectChecks.CheckTypeMeta(kind, body);
        var metadata = ObjectMetadata.Get(body);
        ObjectChecks.CheckNamespace(body, @namespace);
        metadata["namespace"] = @namespace;
        if (ObjectMetadata.GetString(body, "resourceVersion") is { Length: > 0 })
        {
            throw StatusObjects.BadRequest("resourceVersion should not be set on objects to be created");
        }

        var name = ObjectMetadata.GetString(body, "name");
        if (string.IsNullOrEmpty(name))
        {
            var generateName = ObjectMetadata.GetString(body, "generateName");
            if (string.IsNullOrEmpty(generateName))
            {
                throw StatusObjects.Invalid(kind.Kind, string.Empty, [new FieldViolation("metadata.name", FieldViolationType.Required, "name or generateName is required")]);
            }

            name = generateName + RandomSuffix();
            metadata["name"] = name;
        }

        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("selfLink");
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = ObjectMetadata.FormatTimestamp(timeProvider.GetUtcNow());
        metadata["generation"] = 1;
        body.Remove("status");

        var canonical = ResourceCanonicalizer.Canonicalize(kind, body);
        var time = ObjectMetadata.FormatTimestamp(timeProvider.GetUtcNow());
        ManagedFields.Write(canonical, FieldOwnership.RecordCreate(body, canonical, owner, operation, time));
        if (dryRun)
        {
            return canonical;
        }

        try
        {
            var revision = await store.CreateAsync(kind.Key(@namespace, name), StoredObject.ToStoredValue(canonical), cancellationToken);
            SetResourceVersion(canonical, revision);
            logger.Created(kind.Kind, @namespace, name, revision);
            return canonical;
        }
        catch (KeyExistsException)
        {
            throw StatusObjects.AlreadyExists(kind, name);
        }
    }

    /// <summary>Replaces an object (PUT) or its status; <c>metadata.resourceVersion</c> is required and must be current.</summary>
    public async Task<JsonObject> UpdateAsync(
        ResourceKind kind, string @namespace, string name, JsonObject body, FieldOwner owner, bool statusOnly, bool dryRun, CancellationToken cancellationToken)
    {
        ObjectChecks.CheckTypeMeta(kind, body);
        ObjectChecks.CheckNamespace(body, @namespace);
        ObjectChecks.CheckName(body, name);
        ObjectMetadata.Get(body)["namespace"] = @namespace;
        var requested = ObjectMetadata.GetString(body, "resourceVersion");
        if (string.IsNullOrEmpty(requested))
        {
            throw StatusObjects.Invalid(kind.Kind, name, [new FieldViolation("metadata.resourceVersion", FieldViolationType.Invalid, "Invalid value: 0x0: must be specified for an update")]);
        }

        var current = await ReadAsync(kind, @namespace, name, cancellationToken);
        if (requested != current.ModRevision.ToString(CultureInfo.InvariantCulture))
        {
            throw StatusObjects.Conflict(kind, name);
        }

        return await WriteAsync(kind, current, body, statusOnly, RecordUpdate(owner), dryRun, cancellationToken);
    }

    /// <summary>
    /// Reads the object, applies <paramref name="patch"/> to it and writes the result, retrying when another
    /// write lands in between and the patch did not pin <c>metadata.resourceVersion</c>.
    /// </summary>
    public Task<JsonObject> PatchAsync(
        ResourceKind kind, string @namespace, string name, Func<JsonObject, JsonObject> patch, FieldOwner owner, bool statusOnly, bool dryRun, CancellationToken cancellationToken) =>
        PatchAsync(kind, @namespace, name, patch, RecordUpdate(owner), statusOnly, dryRun, cancellationToken);

    /// <summary>
    /// Applies a configuration with server-side apply: creates the object when it does not exist, otherwise merges the
    /// configuration into it, removes the fields <paramref name="manager"/> stopped sending that no other manager owns, and
    /// records the manager as the owner of exactly the configuration's fields.
    /// </summary>
    /// <exception cref="ApiException">409 Conflict when another manager owns a field the apply would change and <paramref name="force"/> is off.</exception>
    public async Task<JsonObject> ApplyAsync(
        ResourceKind kind, string @namespace, string name, JsonObject body, string manager, bool force, bool dryRun, CancellationToken cancellationToken)
    {
        var configuration = ApplyConfiguration.Parse(kind, @namespace, name, body);
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetAsync(kind.Key(@namespace, name), cancellationToken) is null)
            {
                try
                {
                    var created = configuration.Body.DeepClone().AsObject();
                    ObjectMetadata.Get(created).Remove("resourceVersion");
                    return await CreateAsync(kind, @namespace, created, new FieldOwner(manager), ManagedFieldsEntry.ApplyOperation, dryRun, cancellationToken);
                }
                catch (ApiException exception) when (exception.Reason == "AlreadyExists" && attempt < MaxPatchAttempts)
                {
                    logger.WriteRaced("Apply", kind.Kind, @namespace, name, attempt, MaxPatchAttempts);
                    continue;
                }
            }

            try
            {
                return await PatchAsync(
                    kind,
                    @namespace,
                    name,
                    live => configuration.MergeInto(live, manager),
                    (old, next, time) => FieldOwnership.RecordApply(old, next, configuration.Fields, manager, force, time),
                    statusOnly: false,
                    dryRun,
                    cancellationToken);
            }
            catch (ApiException exception) when (exception.Reason == "NotFound" && attempt < MaxPatchAttempts)
            {
                logger.WriteRaced("Apply", kind.Kind, @namespace, name, attempt, MaxPatchAttempts);
            }
        }
    }

    private async Task<JsonObject> PatchAsync(
        ResourceKind kind, string @namespace, string name, Func<JsonObject, JsonObject> patch, RecordFields recordFields, bool statusOnly, bool dryRun, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(kind, @namespace, name, cancellationToken);
            var live = StoredObject.Parse(current.Value.Span, current.ModRevision);
            var patched = patch(live.DeepClone().AsObject());
            ObjectChecks.CheckTypeMeta(kind, patched);
            ObjectChecks.CheckNamespace(patched, @namespace);
            ObjectChecks.CheckName(patched, name);
            if (ObjectMetadata.GetString(patched, "resourceVersion") is { Length: > 0 } pinned
                && pinned != current.ModRevision.ToString(CultureInfo.InvariantCulture))
            {
                throw StatusObjects.Conflict(kind, name);
            }

            try
            {
                return await WriteAsync(kind, current, patched, statusOnly, recordFields, dryRun, cancellationToken);
            }
            catch (ApiException exception) when (exception.Reason == "Conflict" && !ApplyConflicts.IsApplyConflict(exception) && attempt < MaxPatchAttempts)
            {
                logger.WriteRaced("Patch", kind.Kind, @namespace, name, attempt, MaxPatchAttempts);
            }
        }
    }

    /// <summary>
    /// Deletes an object, or starts its deletion when it has finalizers: then <c>deletionTimestamp</c> is set
    /// and the object is returned; otherwise a <c>Status</c> of success is returned.
    /// </summary>
    public async Task<JsonObject> DeleteAsync(
        ResourceKind kind, string @namespace, string name, DeleteOptions options, bool dryRun, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(kind, @namespace, name, cancellationToken);
            var live = StoredObject.Parse(current.Value.Span, current.ModRevision);
            var uid = ObjectMetadata.GetString(live, "uid");
            var resourceVersion = current.ModRevision.ToString(CultureInfo.InvariantCulture);
            if (options.PreconditionUid is not null && options.PreconditionUid != uid)
            {
                throw StatusObjects.PreconditionConflict(kind, name, $"Precondition failed: UID in precondition: {options.PreconditionUid}, UID in object meta: {uid}");
            }

            if (options.PreconditionResourceVersion is not null && options.PreconditionResourceVersion != resourceVersion)
            {
                throw StatusObjects.PreconditionConflict(kind, name, $"Precondition failed: ResourceVersion in precondition: {options.PreconditionResourceVersion}, ResourceVersion in object meta: {resourceVersion}");
            }

            var hasPreconditions = options.PreconditionUid is not null || options.PreconditionResourceVersion is not null;
            try
            {
                if (ObjectMetadata.GetFinalizers(live).Count > 0)
                {
                    return await StartDeletionAsync(kind, current, live, dryRun, cancellationToken);
                }

                if (!dryRun)
                {
                    var revision = await store.DeleteAsync(current.Key, current.ModRevision, cancellationToken);
                    logger.Deleted(kind.Kind, @namespace, name, revision);
                }

                return StatusObjects.Success(kind, name, uid);
            }
            catch (RevisionConflictException) when (!hasPreconditions && attempt < MaxPatchAttempts)
            {
                logger.WriteRaced("Delete", kind.Kind, @namespace, name, attempt, MaxPatchAttempts);
            }
            catch (RevisionConflictException)
            {
                throw StatusObjects.Conflict(kind, name);
            }
            catch (Storage.KeyNotFoundException)
            {
                throw StatusObjects.NotFound(kind, name);
            }
        }
    }

    private async Task<JsonObject> StartDeletionAsync(ResourceKind kind, StoredValue current, JsonObject live, bool dryRun, CancellationToken cancellationToken)
    {
        var metadata = ObjectMetadata.Get(live);
        if (metadata["deletionTimestamp"] is not null)
        {
            return live;
        }

        metadata["deletionTimestamp"] = ObjectMetadata.FormatTimestamp(timeProvider.GetUtcNow());
        metadata["deletionGracePeriodSeconds"] = 0;
        metadata["generation"] = ObjectMetadata.GetGeneration(live) + 1;
        if (dryRun)
        {
            return live;
        }

        var revision = await store.UpdateAsync(current.Key, StoredObject.ToStoredValue(live), current.ModRevision, cancellationToken);
        SetResourceVersion(live, revision);
        logger.DeletionStarted(
            kind.Kind,
            ObjectMetadata.GetString(live, "namespace") ?? string.Empty,
            ObjectMetadata.GetString(live, "name") ?? string.Empty,
            ObjectMetadata.GetFinalizers(live),
            revision);
        return live;
    }

    /// <summary>Merges a candidate with the stored object, canonicalizes it and writes it if anything changed.</summary>
    private async Task<JsonObject> WriteAsync(
        ResourceKind kind, StoredValue current, JsonObject candidate, bool statusOnly, RecordFields recordFields, bool dryRun, CancellationToken cancellationToken)
    {
        var old = StoredObject.Parse(current.Value.Span, current.ModRevision);
        var name = ObjectMetadata.GetString(old, "name") ?? string.Empty;
        var next = statusOnly ? ObjectMerging.WithStatusOf(old, candidate) : ObjectMerging.WithServerFieldsOf(old, candidate);
        ObjectChecks.CheckFinalizersWhileDeleting(kind, old, next);

        var canonical = ResourceCanonicalizer.Canonicalize(kind, next);
        var time = ObjectMetadata.FormatTimestamp(timeProvider.GetUtcNow());
        ManagedFields.Write(canonical, recordFields(old, canonical, time));
        if (!statusOnly && !JsonNode.DeepEquals(ObjectMerging.WithoutMetadataAndStatus(old), ObjectMerging.WithoutMetadataAndStatus(canonical)))
        {
            ObjectMetadata.Get(canonical)["generation"] = ObjectMetadata.GetGeneration(old) + 1;
        }

        if (JsonNode.DeepEquals(old, canonical))
        {
            return old;
        }

        var deleting = ObjectMetadata.GetString(canonical, "deletionTimestamp") is not null
            && ObjectMetadata.GetFinalizers(canonical).Count == 0;
        if (dryRun)
        {
            return canonical;
        }

        try
        {
            if (deleting)
            {
                var deleted = await store.DeleteAsync(current.Key, current.ModRevision, cancellationToken);
                SetResourceVersion(canonical, deleted);
                logger.DeletedAfterFinalizers(kind.Kind, ObjectMetadata.GetString(old, "namespace") ?? string.Empty, name, deleted);
                return canonical;
            }

            var revision = await store.UpdateAsync(current.Key, StoredObject.ToStoredValue(canonical), current.ModRevision, cancellationToken);
            SetResourceVersion(canonical, revision);
            return canonical;
        }
        catch (RevisionConflictException)
        {
            throw StatusObjects.Conflict(kind, name);
        }
        catch (Storage.KeyNotFoundException)
        {
            throw StatusObjects.NotFound(kind, name);
        }
    }

    private static RecordFields RecordUpdate(FieldOwner owner) =>
        (old, next, time) => FieldOwnership.RecordUpdate(old, next, owner, time);

    private async Task<StoredValue> ReadAsync(ResourceKind kind, string @namespace, string name, CancellationToken cancellationToken) =>
        await store.GetAsync(kind.Key(@namespace, name), cancellationToken) ?? throw StatusObjects.NotFound(kind, name);

    private static void SetResourceVersion(JsonObject json, long revision) =>
        ObjectMetadata.Get(json)["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);

    private static string RandomSuffix() =>
        string.Create(5, 0, (span, _) =>
        {
            for (var index = 0; index < span.Length; index++)
            {
                span[index] = GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)];
            }
        });
}
