namespace GbOperator.Controllers.BotClusters;

/// <summary>Where the BotCluster controller finds the API server, LXD and Caddy.</summary>
public sealed record BotClusterControllerSettings
{
    /// <summary>Base URL of the API server, such as <c>http://127.0.0.1:6443/</c>.</summary>
    public required Uri ApiServer { get; init; }

    /// <summary>Path of LXD's unix socket. <value>Default: <c>/var/lib/lxd/unix.socket</c>.</value></summary>
    public string LxdSocket { get; init; } = "/var/lib/lxd/unix.socket";

    /// <summary>Base URL of Caddy's admin API. <value>Default: <c>http://127.0.0.1:2019</c>.</value></summary>
    public Uri CaddyAdminUrl { get; init; } = new("http://127.0.0.1:2019");

    /// <summary>Prometheus series that the controllers update. Each settings object has its own registry unless the host passes the one it exports.</summary>
    public Monitoring.OperatorMetrics Metrics { get; init; } = new();

    /// <summary>Reconciler settings, including the LXD project.</summary>
    public BotClusterReconcilerOptions Reconciler { get; init; } = new();
}
