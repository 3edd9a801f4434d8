namespace GbOperator.Storage;

/// <summary>A read or compaction asked for a revision that the store has not reached yet.</summary>
public sealed class FutureRevisionException(long requestedRevision, long currentRevision)
    : StoreException($"Revision {requestedRevision} is newer than the current revision {currentRevision}. Retry later or read at the current revision.")
{
    /// <summary>Revision the caller asked for.</summary>
    public long RequestedRevision { get; } = requestedRevision;

    /// <summary>Store revision when the request was rejected.</summary>
    public long CurrentRevision { get; } = currentRevision;
}
