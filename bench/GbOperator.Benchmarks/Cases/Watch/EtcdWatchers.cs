using System.Globalization;
using System.Text;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace GbOperator.Benchmarks.Cases.Watch;

/// <summary>Watches a key prefix with many dotnet-etcd watch streams and writes numbered values with plain puts.</summary>
internal sealed class EtcdWatchers : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly string _prefix;
    private readonly string _padding;

    /// <param name="valueSize">Size of each written value in bytes, such as the size of a stored BotCluster.</param>
    public EtcdWatchers(string endpoint, string prefix, int valueSize)
    {
        _channel = GrpcChannel.ForAddress("http://" + endpoint);
        _prefix = prefix;
        _padding = new string('x', Math.Max(0, valueSize - 16));
    }

    /// <summary>Opens one watch stream per watcher and returns when etcd has confirmed every one.</summary>
    public async Task<Task[]> OpenAsync(int watchers, DeliveryLog log, CancellationToken cancellationToken)
    {
        var client = new Etcdserverpb.Watch.WatchClient(_channel);
        var readers = new List<Task>();
        foreach (int watcher in Enumerable.Range(0, watchers))
        {
            var call = client.Watch(cancellationToken: cancellationToken);
            var create = new WatchCreateRequest { Key = ByteString.CopyFromUtf8(_prefix), RangeEnd = PrefixEnd(_prefix) };
            await call.RequestStream.WriteAsync(new WatchRequest { CreateRequest = create }, cancellationToken);
            if (!await call.ResponseStream.MoveNext(cancellationToken) || !call.ResponseStream.Current.Created)
            {
                throw new InvalidOperationException($"etcd did not confirm watch {watcher} on {_prefix}.");
            }

            readers.Add(Task.Run(() => ReadAsync(call, watcher, log, cancellationToken), cancellationToken));
        }

        return [.. readers];
    }

    /// <summary>Puts a value carrying <paramref name="sequence"/> under the prefix.</summary>
    public async Task PutAsync(int sequence, CancellationToken cancellationToken)
    {
        var kv = new KV.KVClient(_channel);
        string value = sequence.ToString(CultureInfo.InvariantCulture) + "|" + _padding;
        await kv.PutAsync(new PutRequest { Key = ByteString.CopyFromUtf8(_prefix + "watched"), Value = ByteString.CopyFromUtf8(value) }, cancellationToken: cancellationToken);
    }

    /// <summary>Deletes the keys under the prefix.</summary>
    public async Task DeletePrefixAsync(CancellationToken cancellationToken)
    {
        var kv = new KV.KVClient(_channel);
        await kv.DeleteRangeAsync(new DeleteRangeRequest { Key = ByteString.CopyFromUtf8(_prefix), RangeEnd = PrefixEnd(_prefix) }, cancellationToken: cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task ReadAsync(AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call, int watcher, DeliveryLog log, CancellationToken cancellationToken)
    {
        using (call)
        {
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                foreach (var watchEvent in call.ResponseStream.Current.Events)
                {
                    string value = watchEvent.Kv.Value.ToString(Encoding.UTF8);
                    log.Received(watcher, int.Parse(value.AsSpan(0, value.IndexOf('|', StringComparison.Ordinal)), CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private static ByteString PrefixEnd(string prefix)
    {
        byte[] end = Encoding.UTF8.GetBytes(prefix);
        end[^1]++;
        return ByteString.CopyFrom(end);
    }
}
