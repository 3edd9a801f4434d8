namespace GbOperator.Storage.Etcd;

/// <summary>Settings of an <see cref="EtcdResourceStore"/>.</summary>
public sealed record EtcdResourceStoreOptions
{
    /// <summary>Deadline of each unary request (get, list, transaction, compaction); watches have none.</summary>
    /// <value>15 seconds. A request that passes it fails with <see cref="StoreUnavailableException"/>.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
