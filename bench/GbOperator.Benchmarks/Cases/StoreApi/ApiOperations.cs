using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace GbOperator.Benchmarks.Cases.StoreApi;

/// <summary>BotCluster create (POST), get (GET) and update (PUT with the last resourceVersion) through the API server.</summary>
internal sealed class ApiOperations(LocalApiServer server, string ns, string name) : IStoreOperations
{
    private readonly ConcurrentDictionary<string, JsonObject> _latest = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public async Task CreateAsync(string name, CancellationToken cancellationToken) =>
        _latest[name] = await server.CreateAsync(BotClusterDocuments.CollectionPath(ns), BotClusterDocuments.Create(ns, name, replicas: 1), cancellationToken);

    /// <summary>Creates one object and returns its JSON as the server returned it, the size of a stored BotCluster.</summary>
    public async Task<byte[]> StoredValueAsync(CancellationToken cancellationToken)
    {
        var stored = await server.CreateAsync(BotClusterDocuments.CollectionPath(ns), BotClusterDocuments.Create(ns, "size-probe", replicas: 1), cancellationToken);
        return System.Text.Encoding.UTF8.GetBytes(stored.ToJsonString());
    }

    public Task GetAsync(string name, CancellationToken cancellationToken) =>
        server.GetAsync(BotClusterDocuments.ObjectPath(ns, name), cancellationToken);

    public async Task UpdateAsync(string name, CancellationToken cancellationToken)
    {
        var changed = (JsonObject)_latest[name].DeepClone();
        changed["spec"]!["replicas"] = changed["spec"]!["replicas"]!.GetValue<int>() + 1;
        _latest[name] = await server.UpdateAsync(BotClusterDocuments.ObjectPath(ns, name), changed, cancellationToken);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
