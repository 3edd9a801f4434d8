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

    /// <summary>Waits until the informer has listed once.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
