namespace GbOperator.Benchmarks.Cases.StoreApi;

/// <summary>Create, get and update of one named object, through GbOperator or through a baseline client.</summary>
/// <remarks>Update is called only on an object that <see cref="CreateAsync"/> created.</remarks>
internal interface IStoreOperations : IAsyncDisposable
{
    /// <summary>What the operations go through, such as <c>API on etcd</c>.</summary>
    string Name { get; }

    Task CreateAsync(string name, CancellationToken cancellationToken);

    Task GetAsync(string name, CancellationToken cancellationToken);

    Task UpdateAsync(string name, CancellationToken cancellationToken);
}
