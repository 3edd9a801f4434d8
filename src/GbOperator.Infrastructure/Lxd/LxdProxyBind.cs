namespace GbOperator.Infrastructure.Lxd;

/// <summary>Side on which an LXD proxy device listens.</summary>
public enum LxdProxyBind
{
    /// <summary>Listen on the host and connect inside the instance (host clients reach the botserver port).</summary>
    Host,

    /// <summary>Listen inside the instance and connect on the host (the instance reaches a database endpoint).</summary>
    Instance,
}
