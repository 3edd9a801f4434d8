using System.Runtime.CompilerServices;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Mvccpb;

namespace GbOperator.Infrastructure.Patroni;

/// <summary>
/// Watches Patroni's leader key in etcd (<c>&lt;namespace&gt;&lt;scope&gt;/leader</c>, whose value is the leader's member
/// name) and calls back on every change, so a failover is noticed without waiting for the next poll.
/// </summary>
/// <remarks>
/// The callback also runs after every (re)connection, because changes made while the watch was down are not
/// replayed. A failed watch is logged at Warning and started again on the next etcd endpoint, after a delay that
/// doubles from 1 s to 30 s while the failures go on.
/// The callback runs on the watch loop and must be quick. Dispose the watch to stop it.
/// </remarks>
public sealed class PatroniLeaderWatch : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private PatroniLeaderWatch(IReadOnlyList<string> etcdEndpoints, string key, Action<string?> onChange, ILogger logger, TimeProvider timeProvider)
    {
        Key = key;
        _loop = RunAsync(etcdEndpoints, key, onChange, logger, timeProvider, _stopping.Token);
    }

    /// <summary>The etcd key the watch follows.</summary>
    public string Key { get; }

    /// <summary>Starts watching the leader key of <paramref name="scope"/>.</summary>
    /// <param name="etcdEndpoints">etcd client endpoints as <c>host:port</c>.</param>
    /// <param name="patroniNamespace">Patroni's <c>namespace</c>, such as <c>/service/</c>.</param>
    /// <param name="scope">Patroni's <c>scope</c>, the cluster name.</param>
    /// <param name="onChange">Receives the new leader's name, or <c>null</c> when the key was deleted or the watch (re)connected.</param>
    /// <param name="logger">Logger of watch failures.</param>
    /// <param name="timeProvider">Clock of the retry delay; the system clock when <c>null</c>.</param>
    public static PatroniLeaderWatch Start(
        IReadOnlyList<string> etcdEndpoints, string patroniNamespace, string scope, Action<string?> onChange, ILogger logger, TimeProvider? timeProvider = null)
    {
        if (etcdEndpoints.Count == 0)
        {
            throw new ArgumentException("Give at least one etcd endpoint.", nameof(etcdEndpoints));
        }

        ArgumentNullException.ThrowIfNull(onChange);
        string key = $"{patroniNamespace.TrimEnd('/')}/{scope}/leader";
        return new PatroniLeaderWatch(etcdEndpoints, key, onChange, logger, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Stops the watch and waits for its loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    private static async Task RunAsync(
        IReadOnlyList<string> endpoints, string key, Action<string?> onChange, ILogger logger, TimeProvider timeProvider, CancellationToken stopping)
    {
        var delay = FirstRetryDelay;
        for (int attempt = 0; !stopping.IsCancellationRequested; attempt++)
        {
            string endpoint = endpoints[attempt % endpoints.Count];
            var created = new StrongBox<bool>();
            try
            {
                await WatchOnceAsync(endpoint, key, onChange, created, logger, stopping);
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                // A watch that was running starts the backoff again; one that never started doubles it.
                delay = created.Value ? FirstRetryDelay : delay;
                PatroniLog.LeaderWatchFailed(logger, exception, key, endpoint, delay);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(delay, timeProvider, stopping);
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task WatchOnceAsync(
        string endpoint, string key, Action<string?> onChange, StrongBox<bool> created, ILogger logger, CancellationToken stopping)
    {
        using var channel = GrpcChannel.ForAddress($"http://{endpoint}");
        var client = new Watch.WatchClient(channel);
        using var call = client.Watch(cancellationToken: stopping);
        await call.RequestStream.WriteAsync(
            new WatchRequest { CreateRequest = new WatchCreateRequest { Key = ByteString.CopyFromUtf8(key) } }, stopping);

        await foreach (var response in call.ResponseStream.ReadAllAsync(stopping))
        {
            if (response.Created && !created.Value)
            {
                created.Value = true;
                PatroniLog.LeaderWatchStarted(logger, key, endpoint);
                onChange(null);
            }

            if (response.Canceled)
            {
                throw new InvalidOperationException($"etcd cancelled the watch on {key}: {response.CancelReason}");
            }

            foreach (var change in response.Events)
            {
                onChange(change.Type == Event.Types.EventType.Put ? change.Kv.Value.ToStringUtf8() : null);
            }
        }

        throw new InvalidOperationException($"etcd at {endpoint} ended the watch on {key}.");
    }
}
