using System.Text;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Logging;
using GbOperator.ApiServer.Registry;
using GbOperator.ApiServer.Tables;
using GbOperator.ApiServer.Watching;
using GbOperator.Resources;
using GbOperator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GbOperator.ApiServer.Http;

/// <summary>Serves WATCH requests as a stream of newline-terminated JSON events, flushed one by one.</summary>
/// <remarks>
/// Errors after the stream has started, such as a resourceVersion older than the compaction point or a
/// watcher dropped for being slow, are sent in-stream as an <c>ERROR</c> event with a 410 Expired
/// <c>Status</c>, and the stream ends. The stream also ends after <c>timeoutSeconds</c> and on shutdown.
/// </remarks>
internal sealed class WatchStreamer(
    WatchCacheSet caches,
    IResourceStore store,
    ApiServerOptions options,
    TableBuilder tables,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<WatchStreamer> logger)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task StreamAsync(HttpContext context, ResourcePath path, ListQuery query, TableFormat? table)
    {
        var request = context.Request;
        // NOTE: a resourceVersion newer than the store's is not rejected with 504 ResourceVersionTooLarge as
        // kube-apiserver does; the watch waits for changes after it.
        var afterRevision = RequestOptions.ParseNonNegative(request, "resourceVersion");
        if (afterRevision == 0)
        {
            afterRevision = null;
        }

        var timeoutSeconds = RequestOptions.ParseNonNegative(request, "timeoutSeconds");
        var bookmarks = RequestOptions.Flag(request, "allowWatchBookmarks");
        var @namespace = path.Namespace;
        var filter = new WatchFilter(json =>
            (@namespace is null || ObjectMetadata.GetString(json, "namespace") == @namespace)
            && query.Labels.Matches(json)
            && query.Fields.Matches(json));

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        if (timeoutSeconds > 0)
        {
            stopping.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds.Value));
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = MediaTypes.Json;
        context.Response.Headers.CacheControl = "no-cache, private";
        try
        {
            if (afterRevision is not null)
            {
                var compacted = await store.GetCompactedRevisionAsync(stopping.Token);

                // The same rule as the store's: the first revision the watch needs must not be compacted away.
                if (afterRevision.Value + 1 < compacted)
                {
                    await WriteErrorAsync(context, $"too old resource version: {afterRevision.Value} ({compacted})", stopping.Token);
                    return;
                }
            }

            using var watcher = await caches.SubscribeAsync(path.Kind, afterRevision, filter, stopping.Token);
            await context.Response.StartAsync(stopping.Token);
            await context.Response.Body.FlushAsync(stopping.Token);
            logger.WatchStarted(path.Kind.Kind, @namespace ?? "all namespaces", watcher.StartRevision);
            await PumpAsync(context, path.Kind, watcher, table, bookmarks, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The client left, the timeout passed or the server is stopping: the stream ends cleanly.
        }
    }

    private async Task PumpAsync(HttpContext context, ResourceKind kind, Watcher watcher, TableFormat? table, bool bookmarks, CancellationToken cancellationToken)
    {
        var firstTable = true;
        var nextBookmark = timeProvider.GetUtcNow() + options.BookmarkInterval;
        Task<bool>? ready = null;
        while (true)
        {
            ready ??= watcher.Events.WaitToReadAsync(cancellationToken).AsTask();
            if (bookmarks)
            {
                var remaining = nextBookmark - timeProvider.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    await WriteBookmarkAsync(context, kind, watcher.ProgressRevision, cancellationToken);
                    nextBookmark = timeProvider.GetUtcNow() + options.BookmarkInterval;
                    continue;
                }

                try
                {
                    await ready.WaitAsync(remaining, timeProvider, cancellationToken);
                }
                catch (TimeoutException)
                {
                    continue;
                }
            }

            var more = await ready;
            ready = null;
            if (!more)
            {
                break;
            }

            while (watcher.Events.TryRead(out var change))
            {
                if (table is null)
                {
                    await WriteRawEventAsync(context, change, cancellationToken);
                    continue;
                }

                var json = StoredObject.Parse(change.ObjectJson, change.Revision);
                var rows = tables.Build(kind, table, [json], ObjectMetadata.GetString(json, "resourceVersion"), null, firstTable);
                firstTable = false;
                await WriteEventAsync(context, change.Type, rows, cancellationToken);
            }

            await context.Response.Body.FlushAsync(cancellationToken);
        }

        if (watcher.TerminationMessage is { } message)
        {
            await WriteErrorAsync(context, message, cancellationToken);
        }
    }

    private static async Task WriteRawEventAsync(HttpContext context, DeliveredEvent change, CancellationToken cancellationToken)
    {
        var body = context.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"{change.Type}\",\"object\":"), cancellationToken);
        await body.WriteAsync(change.ObjectJson, cancellationToken);
        await body.WriteAsync("}\n"u8.ToArray(), cancellationToken);
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject json, CancellationToken cancellationToken)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = json };
        await context.Response.Body.WriteAsync(StoredObject.ToUtf8(line), cancellationToken);
        await context.Response.Body.WriteAsync(NewLine, cancellationToken);
    }

    private static async Task WriteBookmarkAsync(HttpContext context, ResourceKind kind, long revision, CancellationToken cancellationToken)
    {
        var bookmark = new JsonObject
        {
            ["kind"] = kind.Kind,
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        await WriteEventAsync(context, WatchEventTypes.Bookmark, bookmark, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static async Task WriteErrorAsync(HttpContext context, string message, CancellationToken cancellationToken)
    {
        await WriteEventAsync(context, WatchEventTypes.Error, StatusObjects.Failure(410, "Expired", message), cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
