namespace GbOperator.Infrastructure.Lxd;

/// <summary>Builders of LXD device maps.</summary>
public static class LxdDevices
{
    /// <summary>
    /// Builds a TCP proxy device between <c>127.0.0.1:<paramref name="listenPort"/></c> and
    /// <c>127.0.0.1:<paramref name="connectPort"/></c>. Containers have no NIC, so a proxy device is the only path
    /// between host and instance.
    /// </summary>
    /// <param name="bind"><see cref="LxdProxyBind.Host"/> listens on the host, <see cref="LxdProxyBind.Instance"/> inside the instance.</param>
    public static IReadOnlyDictionary<string, string> Proxy(int listenPort, int connectPort, LxdProxyBind bind = LxdProxyBind.Host)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(listenPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(listenPort, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(connectPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(connectPort, 65535);

        return new Dictionary<string, string>
        {
            ["type"] = "proxy",
            ["listen"] = $"tcp:127.0.0.1:{listenPort}",
            ["connect"] = $"tcp:127.0.0.1:{connectPort}",
            ["bind"] = bind == LxdProxyBind.Host ? "host" : "instance",
        };
    }
}
