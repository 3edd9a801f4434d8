namespace GbOperator.Storage.Tests.Compaction;

/// <summary>A store that fails the next <see cref="FailuresLeft"/> current-revision reads and passes everything else to an inner store.</summary>
internal sealed class FailingStore(IResourceStore inner) : IResourceStore
{
    public int FailuresLeft { get; set; }

    public Task<long> GetCurrentRevisionAsync(CancellationToken cancellationToken)
    {
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new StoreUnavailableException("Injected failure.");
        }

        return inner.GetCurrentRevisionAsync(cancellationToken);
    }

    public Task<long> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken) => inner.CreateAsync(key, value, cancellationToken);

    public Task<StoredValue?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public Task<long> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken) =>
        inner.UpdateAsync(key, value, expectedRevision, cancellationToken);

    public Task<long> DeleteAsync(string key, long? expectedRevision, CancellationToken cancellationToken) => inner.DeleteAsync(key, expectedRevision, cancellationToken);

    public Task<ListResult> ListAsync(string prefix, string? startAfterKey, int limit, long atRevision, CancellationToken cancellationToken) =>
        inner.ListAsync(prefix, startAfterKey, limit, atRevision, cancellationToken);

    public IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, CancellationToken cancellationToken) =>
        inner.WatchAsync(prefix, afterRevision, cancellationToken);

    public Task CompactAsync(long revision, CancellationToken cancellationToken) => inner.CompactAsync(revision, cancellationToken);

    public Task<long> GetCompactedRevisionAsync(CancellationToken cancellationToken) => inner.GetCompactedRevisionAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
