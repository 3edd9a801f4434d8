using GbOperator.Infrastructure.Postgres;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>Where the ShardMap controller finds the API server and LXD, and how it reaches shard servers, Redis and Qdrant.</summary>
public sealed record ShardMapControllerSettings
{
    /// <summary>Base URL of the API server, such as <c>http://127.0.0.1:6443/</c>.</summary>
    public required Uri ApiServer { get; init; }

    /// <summary>Path of LXD's unix socket. <value>Default: <c>/var/lib/lxd/unix.socket</c>.</value></summary>
    public string LxdSocket { get; init; } = "/var/lib/lxd/unix.socket";

    /// <summary>Login to the shard servers.</summary>
    public PostgresClientOptions Postgres { get; init; } = new();

    /// <summary>Longest wait for one Redis or Qdrant request. <value>Default: 5 seconds.</value></summary>
    public TimeSpan BackendTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconciler settings, including the LXD project.</summary>
    public ShardMapReconcilerOptions Reconciler { get; init; } = new();
}
