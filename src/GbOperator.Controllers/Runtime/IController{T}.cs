using GbOperator.Resources;

namespace GbOperator.Controllers.Runtime;

/// <summary>A controller of one kind, with read access to its informer's cache.</summary>
/// <typeparam name="T">Resource type of the kind.</typeparam>
public interface IController<T> : IController
    where T : Resource
{
    /// <summary>
    /// Queues a pass for <paramref name="key"/> now, for a change the informer cannot see, such as a notice from a
    /// backend. Keys are de-duplicated with those already waiting; a key queued while stopping is dropped.
    /// </summary>
    void Enqueue(ObjectKey key);

    /// <summary>The informer's local copy of the kind's objects.</summary>
    IResourceCache<T> Cache { get; }

    /// <summary>Waits until the informer has listed once, and the informers of every related watch.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Watches another kind and enqueues the keys that <paramref name="map"/> returns for each of its added, changed
    /// or deleted objects, as controller-runtime's <c>Watches</c> does. Call it before <see cref="IController.StartAsync"/>.
    /// </summary>
    /// <remarks>
    /// The map runs on the related informer's loop, so it must be quick and thread-safe; reading
    /// <see cref="Cache"/> is the usual body. Workers start after every informer has listed once.
    /// </remarks>
    /// <param name="client">Access to the related kind on the API server.</param>
    /// <param name="map">Returns the keys of this controller's kind that depend on an object of the related kind.</param>
    /// <param name="options">Settings of the related informer; <c>null</c> for the controller's informer settings.</param>
    /// <exception cref="InvalidOperationException">The controller was started.</exception>
    void WatchRelated<TSource>(IResourceClient<TSource> client, Func<TSource, IEnumerable<ObjectKey>> map, InformerOptions? options = null)
        where TSource : Resource;
}
