using System.Diagnostics;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Mvccpb;

namespace GbOperator.Benchmarks.Cases.Failover;

/// <summary>
/// Watches Patroni's leader key with a dotnet-etcd watch stream and records when each new leader took it, as
/// <see cref="Stopwatch"/> timestamps taken when the event arrives.
/// </summary>
internal sealed class LeaderKeyWatch : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<WatchRequest, WatchResponse> _call;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(long Timestamp, string Leader)> _puts = [];
    private readonly Task _reader;

    private LeaderKeyWatch(GrpcChannel channel, AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call)
    {
        _channel = channel;
        _call = call;
        _reader = ReadAsync(_stopping.Token);
    }

    /// <summary>Opens the watch on <paramref name="key"/> at <paramref name="endpoint"/> and waits until etcd created it.</summary>
    public static async Task<LeaderKeyWatch> StartAsync(string endpoint, string key, CancellationToken cancellationToken)
    {
        var channel = GrpcChannel.ForAddress($"http://{endpoint}");
        var call = new Etcdserverpb.Watch.WatchClient(channel).Watch(cancellationToken: CancellationToken.None);
        await call.RequestStream.WriteAsync(new WatchRequest { CreateRequest = new WatchCreateRequest { Key = ByteString.CopyFromUtf8(key) } }, cancellationToken);
        if (!await call.ResponseStream.MoveNext(cancellationToken) || !call.ResponseStream.Current.Created)
        {
            call.Dispose();
            channel.Dispose();
            throw new InvalidOperationException($"etcd at {endpoint} did not create the watch on {key}.");
        }

        return new LeaderKeyWatch(channel, call);
    }

    /// <summary>
    /// Waits until <paramref name="leader"/> took the key after <paramref name="after"/> and returns the timestamp at
    /// which the watch received that change.
    /// </summary>
    public async Task<long> WaitForLeaderAsync(string leader, long after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            lock (_puts)
            {
                foreach (var (timestamp, name) in _puts)
                {
                    if (timestamp > after && name == leader)
                    {
                        return timestamp;
                    }
                }
            }

            if (_reader.IsCompleted)
            {
                await _reader;
                throw new InvalidOperationException("The watch on Patroni's leader key ended; check the etcd of the case's Patroni cluster.");
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{leader} did not take Patroni's leader key within {timeout.TotalSeconds:0} s.");
            }

            // A poll of the recorded changes, not a synchronisation: the loop ends on the condition.
            await Task.Delay(10, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _reader;
        }
        catch (Exception exception) when (exception is OperationCanceledException or RpcException)
        {
            // The stream ends with a cancellation when the watch stops.
        }

        _call.Dispose();
        _channel.Dispose();
        _stopping.Dispose();
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        await foreach (var response in _call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            long received = Stopwatch.GetTimestamp();
            foreach (var change in response.Events.Where(change => change.Type == Event.Types.EventType.Put))
            {
                lock (_puts)
                {
                    _puts.Add((received, change.Kv.Value.ToStringUtf8()));
                }
            }
        }
    }
}
