namespace GbOperator.Controllers.Runtime;

/// <summary>Receives the changes an informer applies to its cache.</summary>
/// <remarks>
/// Calls come from the informer's loop and from its resync timer, so an implementation must be
/// thread-safe and quick; enqueueing a key is the usual body. The objects are shared with the cache and
/// must not be changed.
/// </remarks>
/// <typeparam name="T">Resource type of the kind.</typeparam>
public interface IResourceEventHandler<in T>
    where T : class
{
    /// <summary>Called for an object new to the cache, from a list or a watch event.</summary>
    void OnAdd(T resource);

    /// <summary>
    /// Called for a changed object, and for every cached object on each resync, where
    /// <paramref name="oldResource"/> and <paramref name="newResource"/> are the same instance.
    /// </summary>
    void OnUpdate(T oldResource, T newResource);

    /// <summary>
    /// Called for an object removed from the cache: by a delete event, or because a relist no longer
    /// contained it, in which case <paramref name="lastKnown"/> is its last cached state.
    /// </summary>
    void OnDelete(T lastKnown);
}
