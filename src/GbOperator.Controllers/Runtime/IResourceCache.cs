namespace GbOperator.Controllers.Runtime;

/// <summary>Read access to an informer's local copy of the objects of one kind.</summary>
/// <remarks>
/// The cache lags the API server by the watch latency. Objects are shared with every reader, so a reader
/// must copy an object (for example with a <c>with</c> expression and a new metadata instance) before it
/// changes it.
/// </remarks>
/// <typeparam name="T">Resource type of the kind.</typeparam>
public interface IResourceCache<T>
    where T : class
{
    /// <summary>Returns the cached object with <paramref name="key"/>, or <c>null</c> when there is none.</summary>
    T? Get(ObjectKey key);

    /// <summary>Returns a snapshot of every cached object.</summary>
    IReadOnlyList<T> List();

    /// <summary>Returns a snapshot of every cached key.</summary>
    IReadOnlyList<ObjectKey> ListKeys();
}
