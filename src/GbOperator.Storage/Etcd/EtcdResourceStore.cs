using System.Runtime.CompilerServices;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mvccpb;

namespace GbOperator.Storage.Etcd;

/// <summary>An <see cref="IResourceStore"/> on an etcd v3 cluster, used the way kube-apiserver uses etcd.</summary>
/// <remarks>
/// Create, update and delete are transactions that compare the key's create or mod revision, so a
/// write on a stale revision fails instead of overwriting. Lists are range reads at one revision.
/// Watches are etcd watches from <c>afterRevision + 1</c> with previous values, so deletes report the
/// deleted value. The client speaks plain HTTP/2 without TLS or authentication. A write that fails
/// with <see cref="StoreUnavailableException"/> may still have been applied, as with any etcd client.
/// </remarks>
public sealed class EtcdResourceStore : IResourceStore
{
    private const string CompactedError = "required revision has been compacted";
    private const string FutureRevisionError = "required revision is a future revision";

    private readonly GrpcChannel _channel;
    private readonly KV.KVClient _kv;
    private readonly Watch.WatchClient _watch;
    private readonly EtcdResourceStoreOptions _options;
    private readonly ILogger<EtcdResourceStore> _logger;
    private readonly string _endpointList;
    private long _compactedRevision;
    private int _disposed;

    /// <summary>Creates a store that talks to the etcd members at <paramref name="endpoints"/>.</summary>
    /// <param name="endpoints">Client endpoints as <c>HOST:PORT</c>; requests are spread over them.</param>
    /// <param name="options">Settings, or <c>null</c> for the defaults.</param>
    /// <param name="logger">Logger, or <c>null</c> to log nothing.</param>
    /// <remarks>No connection is made until the first request, so an unreachable cluster shows up as
    /// <see cref="StoreUnavailableException"/> from that request.</remarks>
    public EtcdResourceStore(IReadOnlyList<string> endpoints, EtcdResourceStoreOptions? options = null, ILogger<EtcdResourceStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Count == 0)
        {
            throw new ArgumentException("At least one etcd endpoint (HOST:PORT) is required.", nameof(endpoints));
        }

        _options = options ?? new EtcdResourceStoreOptions();
        _logger = logger ?? NullLogger<EtcdResourceStore>.Instance;
        _endpointList = string.Join(',', endpoints);
        string connectionString = string.Join(',', endpoints.Select(endpoint => "http://" + endpoint));
        _channel = new GrpcChannelFactory().CreateChannel(connectionString, 2379, "etcd", ChannelCredentials.Insecure, ConfigureChannel, null!);
        _kv = new KV.KVClient(_channel);
        _watch = new Watch.WatchClient(_channel);
        EtcdStoreLog.Opened(_logger, _endpointList);
    }

    /// <summary>Client endpoints as given, joined with commas.</summary>
    public string Endpoints => _endpointList;

    /// <inheritdoc />
    public async Task<long> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ByteString keyBytes = ByteString.CopyFromUtf8(key);
        var request = new TxnRequest
        {
            Compare = { new Compare { Key = keyBytes, Target = Compare.Types.CompareTarget.Create, Result = Compare.Types.CompareResult.Equal, CreateRevision = 0 } },
            Success = { new RequestOp { RequestPut = new PutRequest { Key = keyBytes, Value = ByteString.CopyFrom(value.Span) } } },
        };

        TxnResponse response = await CallAsync("create", key, options => _kv.TxnAsync(request, options), cancellationToken);
        if (!response.Succeeded)
        {
            throw new KeyExistsException(key) { Key = key };
        }

        return response.Header.Revision;
    }

    /// <inheritdoc />
    public async Task<StoredValue?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var request = new RangeRequest { Key = ByteString.CopyFromUtf8(key) };

        RangeResponse response = await CallAsync("get", key, options => _kv.RangeAsync(request, options), cancellationToken);
        return response.Kvs.Count == 0 ? null : ToStoredValue(response.Kvs[0]);
    }

    /// <inheritdoc />
    public async Task<long> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ByteString keyBytes = ByteString.CopyFromUtf8(key);
        var request = new TxnRequest
        {
            Compare = { KeyExists(keyBytes), ModRevisionEquals(keyBytes, expectedRevision) },
            Success = { new RequestOp { RequestPut = new PutRequest { Key = keyBytes, Value = ByteString.CopyFrom(value.Span) } } },
            Failure = { new RequestOp { RequestRange = new RangeRequest { Key = keyBytes } } },
        };

        TxnResponse response = await CallAsync("update", key, options => _kv.TxnAsync(request, options), cancellationToken);
        if (!response.Succeeded)
        {
            throw ExplainFailedCompare(key, expectedRevision, response);
        }

        return response.Header.Revision;
    }

    /// <inheritdoc />
    public async Task<long> DeleteAsync(string key, long? expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ByteString keyBytes = ByteString.CopyFromUtf8(key);
        var request = new TxnRequest
        {
            Compare = { KeyExists(keyBytes) },
            Success = { new RequestOp { RequestDeleteRange = new DeleteRangeRequest { Key = keyBytes } } },
            Failure = { new RequestOp { RequestRange = new RangeRequest { Key = keyBytes } } },
        };
        if (expectedRevision is { } expected)
        {
            request.Compare.Add(ModRevisionEquals(keyBytes, expected));
        }

        TxnResponse response = await CallAsync("delete", key, options => _kv.TxnAsync(request, options), cancellationToken);
        if (!response.Succeeded)
        {
            throw ExplainFailedCompare(key, expectedRevision ?? 0, response);
        }

        return response.Header.Revision;
    }

    /// <inheritdoc />
    public async Task<ListResult> ListAsync(string prefix, string? startAfterKey, int limit, long atRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(atRevision);

        // The smallest key after startAfterKey is startAfterKey followed by a NUL byte.
        string startKey = startAfterKey is not null && string.CompareOrdinal(startAfterKey, prefix) >= 0 ? startAfterKey + "\0" : prefix;
        var request = new RangeRequest
        {
            Key = ByteString.CopyFromUtf8(startKey),
            RangeEnd = PrefixEnd(prefix),
            Limit = limit,
            Revision = atRevision,
        };

        RangeResponse response;
        try
        {
            response = await CallAsync("list", prefix, options => _kv.RangeAsync(request, options), cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.OutOfRange)
        {
            throw await ExplainOutOfRangeAsync(atRevision, ex, cancellationToken);
        }

        var items = response.Kvs.Select(ToStoredValue).ToList();
        long revision = atRevision == 0 ? response.Header.Revision : atRevision;
        return new ListResult(items, revision, response.More);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(afterRevision);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        using AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call = _watch.Watch(cancellationToken: cancellationToken);
        var create = new WatchCreateRequest
        {
            Key = ByteString.CopyFromUtf8(prefix),
            RangeEnd = PrefixEnd(prefix),
            StartRevision = afterRevision + 1,
            PrevKv = true,
        };
        await WriteAsync(call, new WatchRequest { CreateRequest = create }, prefix, cancellationToken);

        while (true)
        {
            WatchResponse response = await ReadAsync(call, prefix, cancellationToken);
            if (response.CompactRevision > 0)
            {
                RecordCompactedRevision(response.CompactRevision);
                throw new RevisionCompactedException(afterRevision + 1, response.CompactRevision);
            }

            if (response.Canceled)
            {
                throw new StoreUnavailableException($"etcd at {_endpointList} cancelled the watch on '{prefix}': {response.CancelReason}. Watch again from the last revision received.") { Key = prefix };
            }

            foreach (Event change in response.Events)
            {
                yield return ToStoreEvent(change);
            }
        }
    }

    /// <inheritdoc />
    public async Task<long> GetCurrentRevisionAsync(CancellationToken cancellationToken)
    {
        var request = new RangeRequest { Key = ByteString.CopyFromUtf8("/"), CountOnly = true };
        RangeResponse response = await CallAsync("read the current revision", null, options => _kv.RangeAsync(request, options), cancellationToken);
        return response.Header.Revision;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Waits until etcd has removed the history physically. A revision at or below the current
    /// compaction point changes nothing.
    /// </remarks>
    /// <exception cref="FutureRevisionException"><paramref name="revision"/> is above the current revision.</exception>
    public async Task CompactAsync(long revision, CancellationToken cancellationToken)
    {
        var request = new CompactionRequest { Revision = revision, Physical = true };
        try
        {
            await CallAsync("compact", null, options => _kv.CompactAsync(request, options), cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.OutOfRange && ex.Status.Detail.Contains(CompactedError, StringComparison.Ordinal))
        {
            // etcd rejects a compaction at or below the current point, because that history is gone already.
            return;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.OutOfRange && ex.Status.Detail.Contains(FutureRevisionError, StringComparison.Ordinal))
        {
            throw new FutureRevisionException(revision, await GetCurrentRevisionAsync(cancellationToken));
        }

        RecordCompactedRevision(revision);
        EtcdStoreLog.Compacted(_logger, _endpointList, revision);
    }

    /// <inheritdoc />
    /// <remarks>
    /// etcd has no request that returns the compaction point, so this searches for it: a read at a
    /// revision below the point fails, and a read at the point or above succeeds. That takes about
    /// log2(current revision) small reads, starting from the highest point this object has seen.
    /// </remarks>
    public async Task<long> GetCompactedRevisionAsync(CancellationToken cancellationToken)
    {
        long known = Volatile.Read(ref _compactedRevision);
        long low = Math.Max(known, 1);
        if (await CanReadAtAsync(low, cancellationToken))
        {
            return known;
        }

        // Invariant: a read at low fails and a read at high succeeds.
        long high = await GetCurrentRevisionAsync(cancellationToken);
        while (high - low > 1)
        {
            long middle = low + ((high - low) / 2);
            if (await CanReadAtAsync(middle, cancellationToken))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        RecordCompactedRevision(high);
        return Volatile.Read(ref _compactedRevision);
    }

    /// <summary>Closes the connection to etcd; open watches fail with <see cref="StoreUnavailableException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _channel.ShutdownAsync();
        _channel.Dispose();
        EtcdStoreLog.Closed(_logger, _endpointList);
    }

    /// <summary>
    /// Replaces the channel's service config so that only range reads are retried. etcd returns Unavailable
    /// also for a proposal that timed out but may still be applied, so a retried transaction could report
    /// a false conflict for a write that succeeded. A failed write surfaces as
    /// <see cref="StoreUnavailableException"/> instead, and the caller re-reads.
    /// </summary>
    private static void ConfigureChannel(GrpcChannelOptions options)
    {
        options.ServiceConfig = new ServiceConfig
        {
            LoadBalancingConfigs = { new RoundRobinConfig() },
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { new MethodName { Service = "etcdserverpb.KV", Method = "Range" } },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = 5,
                        InitialBackoff = TimeSpan.FromMilliseconds(200),
                        MaxBackoff = TimeSpan.FromSeconds(2),
                        BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
            RetryThrottling = new RetryThrottlingPolicy { MaxTokens = 10, TokenRatio = 0.1 },
        };
    }

    private static Compare KeyExists(ByteString key) => new()
    {
        Key = key,
        Target = Compare.Types.CompareTarget.Version,
        Result = Compare.Types.CompareResult.Greater,
        Version = 0,
    };

    private static Compare ModRevisionEquals(ByteString key, long revision) => new()
    {
        Key = key,
        Target = Compare.Types.CompareTarget.Mod,
        Result = Compare.Types.CompareResult.Equal,
        ModRevision = revision,
    };

    /// <summary>Returns the etcd range end that selects every key starting with <paramref name="prefix"/>.</summary>
    private static ByteString PrefixEnd(string prefix)
    {
        // A NUL range end means "every key from the start key on" in etcd.
        byte[]? end = KeyRange.PrefixEnd(KeyRange.ToBytes(prefix));
        return end is null ? ByteString.CopyFrom(0) : ByteString.CopyFrom(end);
    }

    private static StoredValue ToStoredValue(KeyValue kv) =>
        new(kv.Key.ToStringUtf8(), kv.Value.ToByteArray(), kv.ModRevision, kv.CreateRevision);

    /// <summary>Maps an etcd event the way kube-apiserver does: a put whose create and mod revision match is a create.</summary>
    private static StoreEvent ToStoreEvent(Event change)
    {
        string key = change.Kv.Key.ToStringUtf8();
        if (change.Type == Event.Types.EventType.Delete)
        {
            byte[] previous = change.PrevKv?.Value.ToByteArray() ?? [];
            return new StoreEvent(StoreEventType.Deleted, key, previous, change.Kv.ModRevision);
        }

        StoreEventType type = change.Kv.CreateRevision == change.Kv.ModRevision ? StoreEventType.Created : StoreEventType.Updated;
        return new StoreEvent(type, key, change.Kv.Value.ToByteArray(), change.Kv.ModRevision);
    }

    /// <summary>Turns the failure branch of an update or delete transaction into the matching exception.</summary>
    private static StoreException ExplainFailedCompare(string key, long expectedRevision, TxnResponse response)
    {
        RangeResponse current = response.Responses[0].ResponseRange;
        if (current.Kvs.Count == 0)
        {
            return new KeyNotFoundException(key) { Key = key };
        }

        return new RevisionConflictException(key, expectedRevision, current.Kvs[0].ModRevision) { Key = key };
    }

    /// <summary>Returns whether a read at <paramref name="revision"/> succeeds, that is, whether it is not compacted.</summary>
    private async Task<bool> CanReadAtAsync(long revision, CancellationToken cancellationToken)
    {
        var request = new RangeRequest { Key = ByteString.CopyFromUtf8("/"), Revision = revision, CountOnly = true };
        try
        {
            await CallAsync("read the compaction point", null, options => _kv.RangeAsync(request, options), cancellationToken);
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.OutOfRange && ex.Status.Detail.Contains(CompactedError, StringComparison.Ordinal))
        {
            return false;
        }
        catch (RpcException ex)
        {
            throw Unavailable("read the compaction point", null, ex);
        }
    }

    private void RecordCompactedRevision(long revision)
    {
        long known = Volatile.Read(ref _compactedRevision);
        while (revision > known)
        {
            long seen = Interlocked.CompareExchange(ref _compactedRevision, revision, known);
            if (seen == known)
            {
                return;
            }

            known = seen;
        }
    }

    private async Task<StoreException> ExplainOutOfRangeAsync(long requestedRevision, RpcException ex, CancellationToken cancellationToken)
    {
        if (ex.Status.Detail.Contains(CompactedError, StringComparison.Ordinal))
        {
            long compacted = await GetCompactedRevisionAsync(cancellationToken);
            return new RevisionCompactedException(requestedRevision, compacted);
        }

        if (ex.Status.Detail.Contains(FutureRevisionError, StringComparison.Ordinal))
        {
            return new FutureRevisionException(requestedRevision, await GetCurrentRevisionAsync(cancellationToken));
        }

        return Unavailable("read at a revision", null, ex);
    }

    /// <summary>
    /// Runs one unary request with the request deadline. Connection failures and server errors become
    /// <see cref="StoreUnavailableException"/>; OutOfRange errors stay <see cref="RpcException"/> for the
    /// caller to interpret, and cancellation by <paramref name="cancellationToken"/> stays cancellation.
    /// </summary>
    private async Task<T> CallAsync<T>(string operation, string? key, Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var options = new CallOptions(deadline: DateTime.UtcNow + _options.RequestTimeout, cancellationToken: cancellationToken);
        try
        {
            return await call(options);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The etcd request to {operation} {key} was cancelled.", ex, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.OutOfRange)
        {
            throw;
        }
        catch (RpcException ex)
        {
            throw Unavailable(operation, key, ex);
        }
    }

    private async Task WriteAsync(AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call, WatchRequest request, string? key, CancellationToken cancellationToken)
    {
        try
        {
            await call.RequestStream.WriteAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            throw WatchFailed(call, key, ex);
        }
    }

    private async Task<WatchResponse> ReadAsync(AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call, string? key, CancellationToken cancellationToken)
    {
        try
        {
            if (await call.ResponseStream.MoveNext(cancellationToken))
            {
                return call.ResponseStream.Current;
            }
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            throw WatchFailed(call, key, ex);
        }

        throw new StoreUnavailableException($"etcd at {_endpointList} ended the watch on '{key}'. Watch again from the last revision received.") { Key = key };
    }

    /// <summary>
    /// Describes a watch call that failed without the caller cancelling it. Depending on when the
    /// connection failed, gRPC reports that as an <see cref="RpcException"/> or as a cancellation, and
    /// the call status has the reason.
    /// </summary>
    private StoreUnavailableException WatchFailed(AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call, string? key, Exception ex)
    {
        if (ex is RpcException rpcException)
        {
            return Unavailable("watch", key, rpcException);
        }

        Status status;
        try
        {
            status = call.GetStatus();
        }
        catch (InvalidOperationException)
        {
            status = new Status(StatusCode.Unknown, ex.Message);
        }

        return Unavailable("watch", key, new RpcException(status));
    }

    private StoreUnavailableException Unavailable(string operation, string? key, RpcException ex)
    {
        if (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            EtcdStoreLog.Unreachable(_logger, _endpointList, operation, key, ex.StatusCode, ex.Status.Detail);
        }
        else
        {
            EtcdStoreLog.OperationFailed(_logger, ex, _endpointList, operation, key, ex.StatusCode);
        }

        string target = key is null ? string.Empty : $" '{key}'";
        return new StoreUnavailableException(
            $"etcd at {_endpointList} failed to {operation}{target}: {ex.Status.StatusCode} {ex.Status.Detail}. Check that etcd runs and is reachable.", ex) { Key = key };
    }
}
