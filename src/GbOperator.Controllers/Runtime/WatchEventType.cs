namespace GbOperator.Controllers.Runtime;

/// <summary>The <c>type</c> of a Kubernetes watch event that carries an object.</summary>
/// <remarks>
/// <c>ERROR</c> events are not represented: <see cref="IResourceClient{T}.WatchAsync"/> raises them as
/// <see cref="ApiStatusException"/>.
/// </remarks>
public enum WatchEventType
{
    /// <summary>The object was created, or existed when the watch started.</summary>
    Added,

    /// <summary>The object was changed.</summary>
    Modified,

    /// <summary>The object was deleted; the event carries its last state.</summary>
    Deleted,

    /// <summary>No change: the object carries only a newer <c>metadata.resourceVersion</c> to resume from.</summary>
    Bookmark,
}
