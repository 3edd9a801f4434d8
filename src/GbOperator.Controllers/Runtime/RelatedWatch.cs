using GbOperator.Resources;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Runtime;

/// <inheritdoc cref="IRelatedWatch"/>
/// <typeparam name="TSource">Resource type of the watched kind.</typeparam>
internal sealed class RelatedWatch<TSource> : IRelatedWatch
    where TSource : Resource
{
    private readonly Informer<TSource> _informer;

    public RelatedWatch(
        IResourceClient<TSource> client,
        Func<TSource, IEnumerable<ObjectKey>> map,
        WorkQueue<ObjectKey> queue,
        InformerOptions options,
        TimeProvider timeProvider,
        Random random,
        ILoggerFactory loggerFactory)
    {
        _informer = new Informer<TSource>(client, options, timeProvider, random, loggerFactory.CreateLogger<Informer<TSource>>());
        _informer.AddEventHandler(new MappingEventHandler<TSource>(queue, map));
    }

    public string Kind => typeof(TSource).Name;

    public bool HasSynced => _informer.HasSynced;

    public int ConsecutiveFailures => _informer.ConsecutiveFailures;

    public Task RunAsync(CancellationToken cancellationToken) => _informer.RunAsync(cancellationToken);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _informer.WaitForSyncAsync(cancellationToken);
}
