using GbOperator.Resources;

namespace GbOperator.Controllers.Runtime;

/// <summary>
/// Enqueues the keys that a map function returns for each object of another kind, such as the BotClusters that
/// reference a changed FailoverPolicy.
/// </summary>
/// <typeparam name="TSource">Resource type of the watched kind.</typeparam>
internal sealed class MappingEventHandler<TSource>(WorkQueue<ObjectKey> queue, Func<TSource, IEnumerable<ObjectKey>> map)
    : IResourceEventHandler<TSource>
    where TSource : Resource
{
    public void OnAdd(TSource resource) => Enqueue(resource);

    public void OnUpdate(TSource oldResource, TSource newResource) => Enqueue(newResource);

    public void OnDelete(TSource lastKnown) => Enqueue(lastKnown);

    private void Enqueue(TSource resource)
    {
        foreach (var key in map(resource))
        {
            queue.Add(key);
        }
    }
}
