using System.Collections.Concurrent;
using GbOperator.Resources;

namespace GbOperator.Controllers.Runtime;

/// <summary>A thread-safe store of objects indexed by namespace and name, filled by an <see cref="Informer{T}"/>.</summary>
/// <typeparam name="T">Resource type of the kind.</typeparam>
internal sealed class ResourceCache<T> : IResourceCache<T>
    where T : Resource
{
    private readonly ConcurrentDictionary<ObjectKey, T> _items = new();

    public int Count => _items.Count;

    public T? Get(ObjectKey key) => _items.GetValueOrDefault(key);

    public IReadOnlyList<T> List() => [.. _items.Values];

    public IReadOnlyList<ObjectKey> ListKeys() => [.. _items.Keys];

    /// <summary>Stores <paramref name="resource"/> and returns the object it replaced, if any.</summary>
    public T? Upsert(T resource)
    {
        var key = ObjectKey.From(resource);
        T? previous = null;
        _items.AddOrUpdate(
            key,
            resource,
            (_, existing) =>
            {
                previous = existing;
                return resource;
            });
        return previous;
    }

    /// <summary>Removes the object with <paramref name="key"/> and returns it, if it was cached.</summary>
    public T? Remove(ObjectKey key) => _items.TryRemove(key, out var removed) ? removed : null;
}
