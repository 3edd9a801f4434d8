using GbOperator.Resources;

namespace GbOperator.Controllers.Runtime;

/// <summary>Enqueues the key of every object an informer reports, which is all a level-triggered controller needs.</summary>
/// <typeparam name="T">Resource type of the kind.</typeparam>
internal sealed class QueueEventHandler<T>(WorkQueue<ObjectKey> queue) : IResourceEventHandler<T>
    where T : Resource
{
    public void OnAdd(T resource) => queue.Add(ObjectKey.From(resource));

    public void OnUpdate(T oldResource, T newResource) => queue.Add(ObjectKey.From(newResource));

    public void OnDelete(T lastKnown) => queue.Add(ObjectKey.From(lastKnown));
}
