using System.Globalization;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Registry;
using GbOperator.ApiServer.Selectors;
using GbOperator.Storage;

namespace GbOperator.ApiServer.Events;

/// <summary>Reads and writes core/v1 Events in the store under <c>/registry/events/{namespace}/{name}</c>.</summary>
/// <remarks>
/// Events have no spec, status, generation or finalizers, so this registry stores the body as sent after
/// filling the server-owned metadata. Store failures become <see cref="ApiException"/>s with the Kubernetes reasons.
/// </remarks>
internal sealed class EventRegistry(IResourceStore store, TimeProvider timeProvider)
{
    /// <summary>Store key prefix of all events, ending in <c>/</c>.</summary>
    public const string KeyPrefix = "/registry/events/";

    private const int MaxPatchAttempts = 5;

    /// <summary>Returns the store key prefix of one namespace, or of all events when <paramref name="namespace"/> is <c>null</c>.</summary>
    public static string Prefix(string? @namespace) => @namespace is null ? KeyPrefix : $"{KeyPrefix}{@namespace}/";

    public async Task<JsonObject> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(Prefix(@namespace) + name, cancellationToken) ?? throw NotFound(name);
        return StoredObject.Parse(stored.Value.Span, stored.ModRevision);
    }

    /// <summary>Lists the events of a namespace, or of all namespaces, that match both selectors, one page at a time.</summary>
    public async Task<(List<JsonObject> Items, long Revision, string? Continue)> ListAsync(
        string? @namespace, LabelSelector labels, EventFieldSelector fields, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        var prefix = Prefix(@namespace);
        string? startAfter = null;
        var revision = 0L;
        if (continueToken is not null)
        {
            var token = ContinueToken.Decode(continueToken, prefix);
            startAfter = token.StartAfterKey;
            revision = token.Revision;
        }

        var items = new List<JsonObject>();
        try
        {
            while (true)
            {
                var page = await store.ListAsync(prefix, startAfter, limit, revision, cancellationToken);
                revision = page.Revision;
                for (var index = 0; index < page.Items.Count; index++)
                {
                    var item = page.Items[index];
                    startAfter = item.Key;
                    var json = StoredObject.Parse(item.Value.Span, item.ModRevision);
                    if (!labels.Matches(json) || !fields.Matches(json))
                    {
                        continue;
                    }

                    items.Add(json);
                    var more = index < page.Items.Count - 1 || page.HasMore;
                    if (limit > 0 && items.Count == limit && more)
                    {
                        return (items, revision, new ContinueToken(revision, item.Key).Encode());
                    }
                }

                if (!page.HasMore || page.Items.Count == 0)
                {
                    return (items, revision, null);
                }
            }
        }
        catch (RevisionCompactedException)
        {
            throw StatusObjects.Expired("The provided continue parameter is too old to display a consistent list result. Start a new list without the continue parameter.");
        }
    }

    /// <summary>Creates an event; fills uid, creationTimestamp and, when absent, firstTimestamp, lastTimestamp and count.</summary>
    public async Task<JsonObject> CreateAsync(string @namespace, JsonObject body, CancellationToken cancellationToken)
    {
        CheckTypeMeta(body);
        var metadata = ObjectMetadata.Get(body);
        var bodyNamespace = ObjectMetadata.GetString(body, "namespace");
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != @namespace)
        {
            throw StatusObjects.BadRequest($"the namespace of the provided object ({bodyNamespace}) does not match the namespace sent on the request ({@namespace})");
        }

        metadata["namespace"] = @namespace;
        var name = ObjectMetadata.GetString(body, "name");
        if (string.IsNullOrEmpty(name))
        {
            var generateName = ObjectMetadata.GetString(body, "generateName");
            if (string.IsNullOrEmpty(generateName))
            {
                throw StatusObjects.Invalid("Event", string.Empty, [new Resources.FieldViolation("metadata.name", Resources.FieldViolationType.Required, "name or generateName is required")]);
            }

            name = generateName + Guid.NewGuid().ToString("N")[..10];
            metadata["name"] = name;
        }

        if (body["involvedObject"] is not JsonObject)
        {
            throw StatusObjects.Invalid("Event", name, [new Resources.FieldViolation("involvedObject", Resources.FieldViolationType.Required, "involvedObject is required")]);
        }

        var now = ObjectMetadata.FormatTimestamp(timeProvider.GetUtcNow());
        metadata.Remove("resourceVersion");
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = now;
        body["firstTimestamp"] ??= now;
        body["lastTimestamp"] ??= body["firstTimestamp"]!.DeepClone();
        body["count"] ??= 1;
        body["type"] ??= "Normal";

        try
        {
            var revision = await store.CreateAsync(Prefix(@namespace) + name, StoredObject.ToStoredValue(body), cancellationToken);
            metadata["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
            return body;
        }
        catch (KeyExistsException)
        {
            throw new ApiException(409, "AlreadyExists", $"events \"{name}\" already exists");
        }
    }

    /// <summary>Replaces an event, requiring the body's resourceVersion, when set, to match the stored one.</summary>
    public async Task<JsonObject> UpdateAsync(string @namespace, string name, JsonObject body, CancellationToken cancellationToken)
    {
        CheckTypeMeta(body);
        var live = await GetAsync(@namespace, name, cancellationToken);
        var expected = ObjectMetadata.GetString(body, "resourceVersion");
        if (!string.IsNullOrEmpty(expected) && expected != ObjectMetadata.GetString(live, "resourceVersion"))
        {
            throw Conflict(name);
        }

        return await WriteAsync(@namespace, name, live, body, cancellationToken);
    }

    /// <summary>Applies <paramref name="patch"/> to the live event and stores the result, retrying when another write wins.</summary>
    public async Task<JsonObject> PatchAsync(string @namespace, string name, Func<JsonObject, JsonObject> patch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var live = await GetAsync(@namespace, name, cancellationToken);
            var patched = patch(live.DeepClone().AsObject());
            try
            {
                return await WriteAsync(@namespace, name, live, patched, cancellationToken);
            }
            catch (ApiException exception) when (exception.Reason == "Conflict" && attempt < MaxPatchAttempts)
            {
                // Another writer bumped the event between the read and the write, so patch the newer version.
            }
        }
    }

    /// <summary>Deletes an event and returns it as it was.</summary>
    public async Task<JsonObject> DeleteAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var live = await GetAsync(@namespace, name, cancellationToken);
        try
        {
            await store.DeleteAsync(Prefix(@namespace) + name, null, cancellationToken);
            return live;
        }
        catch (Storage.KeyNotFoundException)
        {
            throw NotFound(name);
        }
    }

    private async Task<JsonObject> WriteAsync(string @namespace, string name, JsonObject live, JsonObject body, CancellationToken cancellationToken)
    {
        // Identity and creation metadata belong to the server, so the stored values win over the body.
        var metadata = ObjectMetadata.Get(body);
        var liveMetadata = ObjectMetadata.Get(live);
        metadata["name"] = name;
        metadata["namespace"] = @namespace;
        metadata["uid"] = liveMetadata["uid"]?.DeepClone();
        metadata["creationTimestamp"] = liveMetadata["creationTimestamp"]?.DeepClone();
        metadata.Remove("resourceVersion");

        var expectedRevision = long.Parse(ObjectMetadata.GetString(live, "resourceVersion")!, CultureInfo.InvariantCulture);
        try
        {
            var revision = await store.UpdateAsync(Prefix(@namespace) + name, StoredObject.ToStoredValue(body), expectedRevision, cancellationToken);
            metadata["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
            return body;
        }
        catch (RevisionConflictException)
        {
            throw Conflict(name);
        }
        catch (Storage.KeyNotFoundException)
        {
            throw NotFound(name);
        }
    }

    private static void CheckTypeMeta(JsonObject body)
    {
        var kind = (body["kind"] as JsonValue)?.ToString();
        var apiVersion = (body["apiVersion"] as JsonValue)?.ToString();
        if ((kind is not null && kind != "Event") || (apiVersion is not null && apiVersion != "v1"))
        {
            throw StatusObjects.BadRequest($"the body has kind \"{kind}\" and apiVersion \"{apiVersion}\", but this endpoint accepts kind \"Event\" and apiVersion \"v1\"");
        }

        body["kind"] = "Event";
        body["apiVersion"] = "v1";
    }

    private static ApiException NotFound(string name) => new(404, "NotFound", $"events \"{name}\" not found");

    private static ApiException Conflict(string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on events \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
}
