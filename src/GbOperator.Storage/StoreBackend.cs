namespace GbOperator.Storage;

/// <summary>The kinds of store that a store URL can name.</summary>
public enum StoreBackend
{
    /// <summary>An etcd v3 cluster, named by <c>etcd://HOST:PORT[,HOST:PORT…]</c>.</summary>
    Etcd,

    /// <summary>An SQLite database file, named by <c>sqlite:///ABSOLUTE/PATH</c> or <c>sqlite://RELATIVE/PATH</c>.</summary>
    Sqlite,
}
