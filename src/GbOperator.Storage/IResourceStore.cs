namespace GbOperator.Storage;

/// <summary>
/// A revisioned key-value store with the semantics of etcd's v3 API, as kube-apiserver uses it.
/// </summary>
/// <remarks>
/// Every write gets a new store-wide revision, higher than any before it. A value's
/// <see cref="StoredValue.ModRevision"/> is the revision of its last write and serves as the
/// object's <c>resourceVersion</c>. Failures are reported with the exceptions in this folder:
/// <see cref="KeyExistsException"/>, <see cref="KeyNotFoundException"/>,
/// <see cref="RevisionConflictException"/>, <see cref="RevisionCompactedException"/>,
/// <see cref="FutureRevisionException"/>, and <see cref="StoreUnavailableException"/> when the backend
/// cannot be reached or fails.
/// </remarks>
public interface IResourceStore : IAsyncDisposable
{
    /// <summary>Creates <paramref name="key"/>; throws <see cref="KeyExistsException"/> when it exists.</summary>
    /// <returns>The revision of the write.</returns>
    Task<long> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken);

    /// <summary>Reads the current value of <paramref name="key"/>, or <c>null</c> when it does not exist.</summary>
    Task<StoredValue?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the value of <paramref name="key"/> if its mod revision still equals
    /// <paramref name="expectedRevision"/>.
    /// </summary>
    /// <returns>The revision of the write.</returns>
    /// <exception cref="KeyNotFoundException">The key does not exist.</exception>
    /// <exception cref="RevisionConflictException">The key was written after <paramref name="expectedRevision"/>.</exception>
    Task<long> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes <paramref name="key"/> if its mod revision equals <paramref name="expectedRevision"/>,
    /// or unconditionally when <paramref name="expectedRevision"/> is <c>null</c>.
    /// </summary>
    /// <returns>The revision of the delete.</returns>
    /// <exception cref="KeyNotFoundException">The key does not exist.</exception>
    /// <exception cref="RevisionConflictException">The key was written after <paramref name="expectedRevision"/>.</exception>
    Task<long> DeleteAsync(string key, long? expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the keys under <paramref name="prefix"/> in key order, from one consistent snapshot.
    /// </summary>
    /// <param name="prefix">Key prefix, normally ending in <c>/</c>.</param>
    /// <param name="startAfterKey">When set, only keys greater than this one are returned (continue token).</param>
    /// <param name="limit">Maximum number of items, or 0 for all.</param>
    /// <param name="atRevision">Snapshot revision to read, or 0 for the current one. A revision below
    /// the compaction point throws <see cref="RevisionCompactedException"/>, and one above the current
    /// revision throws <see cref="FutureRevisionException"/>.</param>
    Task<ListResult> ListAsync(string prefix, string? startAfterKey, int limit, long atRevision, CancellationToken cancellationToken);

    /// <summary>
    /// Streams every change under <paramref name="prefix"/> with a revision greater than
    /// <paramref name="afterRevision"/>, in revision order, until cancelled.
    /// </summary>
    /// <remarks>
    /// Throws <see cref="RevisionCompactedException"/> (on the first move of the enumerator) when
    /// the history after <paramref name="afterRevision"/> was compacted away.
    /// </remarks>
    IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, CancellationToken cancellationToken);

    /// <summary>Returns the current store revision.</summary>
    Task<long> GetCurrentRevisionAsync(CancellationToken cancellationToken);

    /// <summary>Discards the history of every revision below <paramref name="revision"/>.</summary>
    /// <remarks>A revision at or below the current compaction point changes nothing. One above the
    /// current revision throws <see cref="FutureRevisionException"/>.</remarks>
    Task CompactAsync(long revision, CancellationToken cancellationToken);

    /// <summary>Returns the compaction point: the lowest revision that reads and watches still accept.</summary>
    Task<long> GetCompactedRevisionAsync(CancellationToken cancellationToken);
}
