using GbOperator.Storage.Etcd;
using GbOperator.Storage.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Storage;

/// <summary>Opens the <see cref="IResourceStore"/> that a store URL names.</summary>
public static class ResourceStoreFactory
{
    /// <summary>Opens the store at <paramref name="url"/>.</summary>
    /// <param name="url"><c>etcd://HOST:PORT[,HOST:PORT…]</c>, <c>sqlite:///ABSOLUTE/PATH</c> or
    /// <c>sqlite://RELATIVE/PATH</c> (relative to the current directory). The caller picks the default.</param>
    /// <param name="loggerFactory">Creates the store's logger, or <c>null</c> to log nothing.</param>
    /// <param name="sqliteOptions">Settings of an SQLite store, or <c>null</c> for the defaults.</param>
    /// <param name="etcdOptions">Settings of an etcd store, or <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not in one of the accepted forms.</exception>
    /// <exception cref="StoreUnavailableException">The SQLite file cannot be opened. An etcd store connects
    /// on its first request, so an unreachable etcd shows up there.</exception>
    public static IResourceStore Open(string url, ILoggerFactory? loggerFactory = null, SqliteResourceStoreOptions? sqliteOptions = null, EtcdResourceStoreOptions? etcdOptions = null)
    {
        StoreUrl parsed = StoreUrl.Parse(url);
        loggerFactory ??= NullLoggerFactory.Instance;

        return parsed.Backend switch
        {
            StoreBackend.Sqlite => new SqliteResourceStore(parsed.Path!, sqliteOptions, loggerFactory.CreateLogger<SqliteResourceStore>()),
            StoreBackend.Etcd => new EtcdResourceStore(parsed.Endpoints, etcdOptions, loggerFactory.CreateLogger<EtcdResourceStore>()),
            _ => throw new ArgumentOutOfRangeException(nameof(url), parsed.Backend, "Unknown store backend."),
        };
    }
}
