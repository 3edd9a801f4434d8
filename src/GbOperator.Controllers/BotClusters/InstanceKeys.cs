namespace GbOperator.Controllers.BotClusters;

/// <summary>LXD <c>user.*</c> config keys that the BotCluster controller writes on its instances.</summary>
/// <remarks>The keys survive operator restarts, so a new process adopts instances from them alone.</remarks>
internal static class InstanceKeys
{
    public const string OwnerKind = "user.gbo.owner-kind";

    public const string OwnerNamespace = "user.gbo.owner-namespace";

    public const string OwnerName = "user.gbo.owner-name";

    public const string OwnerUid = "user.gbo.owner-uid";

    /// <summary>Host port on 127.0.0.1 of the instance's proxy device.</summary>
    public const string HostPort = "user.gbo.host-port";

    /// <summary>Hash of the spec fields the instance was created from; see <see cref="SpecHash"/>.</summary>
    public const string SpecHash = "user.gbo.spec-hash";

    /// <summary>UTC time, in round-trip format, when the instance left the routes to drain.</summary>
    public const string DrainingSince = "user.gbo.draining-since";

    /// <summary>Limits that LXD rejected for this instance, with LXD's message.</summary>
    public const string LimitsNotApplied = "user.gbo.limits-not-applied";

    /// <summary>Hash of the .env text last written into the instance; see <see cref="InstanceLauncher.HashEnv"/>.</summary>
    public const string EnvHash = "user.gbo.env-hash";

    /// <summary>Name of the proxy device that exposes the botserver port on the host.</summary>
    public const string ProxyDevice = "botserver";
}
