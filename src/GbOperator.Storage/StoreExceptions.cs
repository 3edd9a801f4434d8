namespace GbOperator.Storage;

/// <summary>Base class of the failures that <see cref="IResourceStore"/> defines.</summary>
public abstract class StoreException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The key involved, when there is one.</summary>
    public string? Key { get; init; }
}

/// <summary>A create found the key already present.</summary>
public sealed class KeyExistsException(string key) : StoreException($"Key '{key}' already exists.")
{
}

/// <summary>An update or delete found no such key.</summary>
public sealed class KeyNotFoundException(string key) : StoreException($"Key '{key}' was not found.")
{
}

/// <summary>An update or delete found the key at another revision than expected.</summary>
public sealed class RevisionConflictException(string key, long expectedRevision, long actualRevision)
    : StoreException($"Key '{key}' is at revision {actualRevision}, not the expected {expectedRevision}.")
{
    /// <summary>Revision the caller expected.</summary>
    public long ExpectedRevision { get; } = expectedRevision;

    /// <summary>Revision the key is at.</summary>
    public long ActualRevision { get; } = actualRevision;
}

/// <summary>A read or watch asked for a revision whose history was compacted.</summary>
public sealed class RevisionCompactedException(long requestedRevision, long compactedRevision)
    : StoreException($"Revision {requestedRevision} is older than the compaction point {compactedRevision}; list again for a current revision.")
{
    /// <summary>Revision the caller asked for.</summary>
    public long RequestedRevision { get; } = requestedRevision;

    /// <summary>Lowest revision the store still serves.</summary>
    public long CompactedRevision { get; } = compactedRevision;
}

/// <summary>The store could not be reached or returned an unexpected error.</summary>
public sealed class StoreUnavailableException(string message, Exception? innerException = null) : StoreException(message, innerException)
{
}
