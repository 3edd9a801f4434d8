using System.Globalization;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Logging;
using GbOperator.ApiServer.Registry;
using GbOperator.ApiServer.Selectors;
using GbOperator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GbOperator.ApiServer.Events;

/// <summary>Deletes events whose last occurrence is older than <see cref="EventOptions.TimeToLive"/>, once per sweep interval.</summary>
/// <remarks>
/// kube-apiserver expires events with an etcd lease per event. The store has no leases, so this sweep lists
/// every event instead. A failed sweep is logged and the next interval tries again.
/// </remarks>
internal sealed class EventExpirySweeper(
    EventRegistry registry,
    EventOptions options,
    TimeProvider timeProvider,
    ILogger<EventExpirySweeper> logger) : BackgroundService
{
    private static readonly EventFieldSelector Everything = EventFieldSelector.Parse(null);

    /// <summary>Deletes every expired event once and returns how many it deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.TimeToLive;
        var (items, _, _) = await registry.ListAsync(null, LabelSelector.Everything, Everything, 0, null, cancellationToken);
        var deleted = 0;
        foreach (var item in items)
        {
            if (LastSeen(item) is not { } lastSeen || lastSeen >= cutoff)
            {
                continue;
            }

            try
            {
                await registry.DeleteAsync(ObjectMetadata.GetString(item, "namespace")!, ObjectMetadata.GetString(item, "name")!, cancellationToken);
                deleted++;
            }
            catch (ApiException exception) when (exception.Code == 404)
            {
                // Deleted by a client since the list.
            }
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, timeProvider);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.EventsExpired(deleted, options.TimeToLive);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is StoreException or ApiException)
            {
                logger.EventSweepFailed(exception, options.SweepInterval);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Returns lastTimestamp, or eventTime, or creationTimestamp, whichever is set first in that order.</summary>
    private static DateTimeOffset? LastSeen(JsonObject json)
    {
        foreach (var node in new[] { json["lastTimestamp"], json["eventTime"], json["metadata"]?["creationTimestamp"] })
        {
            if (node is JsonValue value
                && DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time;
            }
        }

        return null;
    }
}
