using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace GbOperator.Infrastructure.Qdrant;

/// <summary>Qdrant.Client implementation of <see cref="IQdrantCollectionClient"/>, with one gRPC client per endpoint.</summary>
/// <remarks>
/// NOTE: calls are not retried here. The ShardMap reconciler runs again with the work queue's backoff after a failure, so
/// the queue is the one owner of retries.
/// </remarks>
public sealed class QdrantCollectionClient(TimeSpan timeout, ILoggerFactory loggerFactory) : IQdrantCollectionClient, IDisposable
{
    private readonly ConcurrentDictionary<string, QdrantClient> _clients = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger<QdrantCollectionClient>();

    /// <inheritdoc/>
    public async Task<QdrantCollectionResult> EnsureAsync(
        string endpoint, string name, QdrantCollectionSettings settings, ulong vectorSize, CancellationToken cancellationToken)
    {
        var client = _clients.GetOrAdd(endpoint, address => new QdrantClient(new Uri(address), grpcTimeout: timeout, loggerFactory: loggerFactory));
        if (await TryGetAsync(client, name, cancellationToken) is { } existing)
        {
            return new QdrantCollectionResult(name, false, existing);
        }

        try
        {
            await client.CreateCollectionAsync(
                name,
                new VectorParams { Size = vectorSize, Distance = Distance.Cosine },
                settings.ShardNumber,
                settings.ReplicationFactor,
                settings.WriteConsistencyFactor,
                cancellationToken: cancellationToken);
            QdrantLog.CollectionCreated(_logger, name, endpoint, settings.ShardNumber, settings.ReplicationFactor, settings.WriteConsistencyFactor);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.AlreadyExists or StatusCode.InvalidArgument)
        {
            // Another client created it since the read. Older servers report that as InvalidArgument, newer ones as AlreadyExists.
            var actual = await TryGetAsync(client, name, cancellationToken);
            if (actual is null)
            {
                throw;
            }

            return new QdrantCollectionResult(name, false, actual);
        }

        var created = await TryGetAsync(client, name, cancellationToken)
            ?? throw new InvalidOperationException($"Qdrant at {endpoint} reported collection {name} created but does not return it");
        return new QdrantCollectionResult(name, true, created);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
    }

    private static async Task<QdrantCollectionSettings?> TryGetAsync(QdrantClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            var info = await client.GetCollectionInfoAsync(name, cancellationToken);
            var parameters = info.Config.Params;
            return new QdrantCollectionSettings(parameters.ShardNumber, parameters.ReplicationFactor, parameters.WriteConsistencyFactor);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
