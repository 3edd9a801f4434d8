using System.Globalization;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Patching;
using GbOperator.ApiServer.Registry;
using GbOperator.ApiServer.Selectors;
using GbOperator.ApiServer.Tables;
using GbOperator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace GbOperator.ApiServer.Events;

/// <summary>Serves core/v1 Events under <c>/api/v1/events</c> and <c>/api/v1/namespaces/{namespace}/events[/{name}]</c>.</summary>
/// <remarks>
/// NOTE: event watches read the store directly instead of going through the watch cache, so each
/// event watcher costs one store watch.
/// </remarks>
internal sealed class EventRequestHandler(
    EventRegistry registry,
    EventTable tables,
    IResourceStore store,
    ApiServerOptions options,
    IHostApplicationLifetime lifetime)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public Task HandleAsync(HttpContext context, string? @namespace, string? name)
    {
        var method = context.Request.Method;
        return (name, method) switch
        {
            (null, "GET") => ListOrWatchAsync(context, @namespace),
            (null, "POST") when @namespace is not null => CreateAsync(context, @namespace),
            (null, "DELETE") when @namespace is not null => DeleteCollectionAsync(context, @namespace),
            (not null, _) when @namespace is null => throw StatusObjects.ResourceNotFound(),
            (not null, "GET") => GetAsync(context, @namespace!, name),
            (not null, "PUT") => UpdateAsync(context, @namespace!, name),
            (not null, "PATCH") => PatchAsync(context, @namespace!, name),
            (not null, "DELETE") => DeleteAsync(context, @namespace!, name),
            _ => throw StatusObjects.MethodNotAllowed(method),
        };
    }

    private async Task ListOrWatchAsync(HttpContext context, string? @namespace)
    {
        var request = context.Request;
        var labels = LabelSelector.Parse(request.Query["labelSelector"].ToString());
        var fields = EventFieldSelector.Parse(request.Query["fieldSelector"].ToString());
        var table = TableFormat.Negotiate(request.Headers.Accept.ToString(), request.Query["includeObject"].ToString());
        if (RequestOptions.IsWatch(request))
        {
            await WatchAsync(context, @namespace, labels, fields, table);
            return;
        }

        var limit = (int)Math.Min(RequestOptions.ParseNonNegative(request, "limit") ?? 0, int.MaxValue);
        var continueToken = request.Query["continue"].ToString();
        var (items, revision, next) = await registry.ListAsync(
            @namespace, labels, fields, limit, string.IsNullOrEmpty(continueToken) ? null : continueToken, context.RequestAborted);
        var resourceVersion = revision.ToString(CultureInfo.InvariantCulture);
        if (table is not null)
        {
            await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, tables.Build(table, items, resourceVersion, next ?? string.Empty));
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, ToList(items, resourceVersion, next));
    }

    /// <summary>Streams ADDED events for the current matches unless a resourceVersion is given, then every later change.</summary>
    private async Task WatchAsync(HttpContext context, string? @namespace, LabelSelector labels, EventFieldSelector fields, TableFormat? table)
    {
        var afterRevision = RequestOptions.ParseNonNegative(context.Request, "resourceVersion") ?? 0;
        var timeoutSeconds = RequestOptions.ParseNonNegative(context.Request, "timeoutSeconds");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        if (timeoutSeconds > 0)
        {
            stopping.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds.Value));
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = MediaTypes.Json;
        context.Response.Headers.CacheControl = "no-cache, private";
        var firstTable = true;
        try
        {
            if (afterRevision == 0)
            {
                var (items, revision, _) = await registry.ListAsync(@namespace, labels, fields, 0, null, stopping.Token);
                afterRevision = revision;
                foreach (var item in items)
                {
                    await WriteEventAsync(context, "ADDED", item, table, firstTable, stopping.Token);
                    firstTable = false;
                }
            }

            await context.Response.StartAsync(stopping.Token);
            await context.Response.Body.FlushAsync(stopping.Token);
            await foreach (var change in store.WatchAsync(EventRegistry.Prefix(@namespace), afterRevision, stopping.Token))
            {
                var json = StoredObject.Parse(change.Value.Span, change.Revision);
                if (!labels.Matches(json) || !fields.Matches(json))
                {
                    continue;
                }

                var type = change.Type switch
                {
                    StoreEventType.Created => "ADDED",
                    StoreEventType.Updated => "MODIFIED",
                    _ => "DELETED",
                };
                await WriteEventAsync(context, type, json, table, firstTable, stopping.Token);
                firstTable = false;
                await context.Response.Body.FlushAsync(stopping.Token);
            }
        }
        catch (RevisionCompactedException exception)
        {
            var status = StatusObjects.Failure(410, "Expired", $"too old resource version: {exception.RequestedRevision} ({exception.CompactedRevision})");
            await WriteLineAsync(context, new JsonObject { ["type"] = "ERROR", ["object"] = status }, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The client left, the timeout passed or the server is stopping, so the stream ends cleanly.
        }
    }

    private async Task WriteEventAsync(HttpContext context, string type, JsonObject json, TableFormat? table, bool firstTable, CancellationToken cancellationToken)
    {
        var payload = table is null
            ? json
            : tables.Build(table, [json], ObjectMetadata.GetString(json, "resourceVersion"), null, firstTable);
        await WriteLineAsync(context, new JsonObject { ["type"] = type, ["object"] = payload }, cancellationToken);
    }

    private static async Task WriteLineAsync(HttpContext context, JsonObject line, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(StoredObject.ToUtf8(line), cancellationToken);
        await context.Response.Body.WriteAsync(NewLine, cancellationToken);
    }

    private async Task GetAsync(HttpContext context, string @namespace, string name)
    {
        var json = await registry.GetAsync(@namespace, name, context.RequestAborted);
        var table = TableFormat.Negotiate(context.Request.Headers.Accept.ToString(), context.Request.Query["includeObject"].ToString());
        if (table is not null)
        {
            await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, tables.Build(table, [json], ObjectMetadata.GetString(json, "resourceVersion"), null));
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, json);
    }

    private async Task CreateAsync(HttpContext context, string @namespace)
    {
        var body = await ReadObjectAsync(context);
        var created = await registry.CreateAsync(@namespace, body, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status201Created, created);
    }

    private async Task UpdateAsync(HttpContext context, string @namespace, string name)
    {
        var body = await ReadObjectAsync(context);
        var updated = await registry.UpdateAsync(@namespace, name, body, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, updated);
    }

    private async Task PatchAsync(HttpContext context, string @namespace, string name)
    {
        var essence = MediaTypes.Essence(context.Request.ContentType) ?? string.Empty;
        if (essence is not (MediaTypes.MergePatch or MediaTypes.JsonPatch or MediaTypes.StrategicMergePatch))
        {
            throw StatusObjects.UnsupportedMediaType(essence, [MediaTypes.MergePatch, MediaTypes.JsonPatch, MediaTypes.StrategicMergePatch]);
        }

        var body = await RequestBodyReader.ReadBytesAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        var patch = RequestBodyReader.ParseJson(body);
        Func<JsonObject, JsonObject> apply;
        if (essence == MediaTypes.JsonPatch)
        {
            apply = live => JsonPatchDocument.Apply(live, patch) as JsonObject
                ?? throw StatusObjects.BadRequest("the JSON patch did not produce an object");
        }
        else
        {
            // An Event has no lists with merge keys, so a strategic merge patch of it equals a JSON merge patch.
            // client-go sends such a patch to bump count and lastTimestamp.
            if (patch is not JsonObject)
            {
                throw StatusObjects.BadRequest("a merge patch must be a JSON object");
            }

            apply = live => JsonMergePatch.Apply(live, patch)!.AsObject();
        }

        var patched = await registry.PatchAsync(@namespace, name, apply, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, patched);
    }

    private async Task DeleteAsync(HttpContext context, string @namespace, string name)
    {
        var deleted = await registry.DeleteAsync(@namespace, name, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, deleted);
    }

    private async Task DeleteCollectionAsync(HttpContext context, string @namespace)
    {
        var labels = LabelSelector.Parse(context.Request.Query["labelSelector"].ToString());
        var fields = EventFieldSelector.Parse(context.Request.Query["fieldSelector"].ToString());
        var (items, revision, _) = await registry.ListAsync(@namespace, labels, fields, 0, null, context.RequestAborted);
        var deleted = new List<JsonObject>();
        foreach (var item in items)
        {
            try
            {
                deleted.Add(await registry.DeleteAsync(@namespace, ObjectMetadata.GetString(item, "name")!, context.RequestAborted));
            }
            catch (ApiException exception) when (exception.Code == StatusCodes.Status404NotFound)
            {
                // Deleted by someone else, such as the expiry sweep, since the list.
            }
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, ToList(deleted, revision.ToString(CultureInfo.InvariantCulture), null));
    }

    private async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        var essence = MediaTypes.Essence(context.Request.ContentType);
        if (essence is not null && essence != MediaTypes.Json && !MediaTypes.IsYaml(essence))
        {
            throw StatusObjects.UnsupportedMediaType(essence, MediaTypes.ObjectBodyTypes);
        }

        var body = await RequestBodyReader.ReadBytesAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        return RequestBodyReader.ParseObject(body, essence);
    }

    private static JsonObject ToList(IEnumerable<JsonObject> items, string resourceVersion, string? continueToken)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["kind"] = "EventList",
            ["apiVersion"] = "v1",
            ["metadata"] = metadata,
            ["items"] = new JsonArray(items.Select(item => (JsonNode?)item).ToArray()),
        };
    }
}
