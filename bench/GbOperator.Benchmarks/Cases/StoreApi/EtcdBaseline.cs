using Etcdserverpb;
using Google.Protobuf;
using Grpc.Net.Client;

namespace GbOperator.Benchmarks.Cases.StoreApi;

/// <summary>Plain etcd puts and range reads through dotnet-etcd's gRPC client, with no transaction or JSON handling.</summary>
internal sealed class EtcdBaseline : IStoreOperations
{
    private readonly GrpcChannel _channel;
    private readonly KV.KVClient _kv;
    private readonly string _prefix;
    private readonly ByteString _value;

    /// <param name="endpoint">etcd client endpoint, <c>HOST:PORT</c>.</param>
    /// <param name="prefix">Key prefix that every key of this baseline starts with.</param>
    /// <param name="value">The value written on every put, as large as a stored BotCluster.</param>
    public EtcdBaseline(string endpoint, string prefix, byte[] value)
    {
        _channel = GrpcChannel.ForAddress("http://" + endpoint);
        _kv = new KV.KVClient(_channel);
        _prefix = prefix;
        _value = ByteString.CopyFrom(value);
    }

    public string Name => "dotnet-etcd put/range";

    public Task CreateAsync(string name, CancellationToken cancellationToken) => PutAsync(name, cancellationToken);

    public async Task GetAsync(string name, CancellationToken cancellationToken)
    {
        var response = await _kv.RangeAsync(new RangeRequest { Key = Key(name) }, cancellationToken: cancellationToken);
        if (response.Kvs.Count != 1)
        {
            throw new InvalidOperationException($"etcd returned {response.Kvs.Count} values for {_prefix}{name}, expected 1.");
        }
    }

    public Task UpdateAsync(string name, CancellationToken cancellationToken) => PutAsync(name, cancellationToken);

    /// <summary>Deletes every key under <paramref name="prefix"/>, such as what a case left in etcd.</summary>
    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var key = ByteString.CopyFromUtf8(prefix);
        await _kv.DeleteRangeAsync(new DeleteRangeRequest { Key = key, RangeEnd = PrefixEnd(prefix) }, cancellationToken: cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task PutAsync(string name, CancellationToken cancellationToken) =>
        await _kv.PutAsync(new PutRequest { Key = Key(name), Value = _value }, cancellationToken: cancellationToken);

    private ByteString Key(string name) => ByteString.CopyFromUtf8(_prefix + name);

    /// <summary>The end of etcd's range for a prefix: the prefix with its last byte incremented.</summary>
    private static ByteString PrefixEnd(string prefix)
    {
        byte[] end = System.Text.Encoding.UTF8.GetBytes(prefix);
        end[^1]++;
        return ByteString.CopyFrom(end);
    }
}
