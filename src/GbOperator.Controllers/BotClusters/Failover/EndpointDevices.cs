using System.Net;

namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>The LXD proxy devices through which an instance reaches PostgreSQL and Redis on the host.</summary>
/// <remarks>
/// Each device listens on 127.0.0.1 inside the instance (<c>bind=instance</c>) and connects to the current primary
/// or master from the host, because instances have no network of their own. Replacing a device makes LXD restart
/// its forkproxy process, which closes the connections that went through it.
/// </remarks>
internal static class EndpointDevices
{
    /// <summary>Name of the device that leads to the PostgreSQL primary.</summary>
    public const string Database = "gbo-database";

    /// <summary>Name of the device that leads to the Redis master.</summary>
    public const string Cache = "gbo-cache";

    /// <summary>Port inside the instance on which botserver finds PostgreSQL.</summary>
    public const int DatabasePort = 5432;

    /// <summary>Port inside the instance on which botserver finds Redis.</summary>
    public const int CachePort = 6379;

    /// <summary>Builds a device that listens on 127.0.0.1:<paramref name="listenPort"/> inside the instance and connects to <paramref name="target"/>.</summary>
    public static IReadOnlyDictionary<string, string> Build(int listenPort, IPEndPoint target) => new Dictionary<string, string>
    {
        ["type"] = "proxy",
        ["listen"] = $"tcp:127.0.0.1:{listenPort}",
        ["connect"] = $"tcp:{target}",
        ["bind"] = "instance",
    };

    /// <summary>Returns the <c>host:port</c> a device connects to, or <c>null</c> when there is no device.</summary>
    public static string? TargetOf(IReadOnlyDictionary<string, string>? device) =>
        device?.GetValueOrDefault("connect") is { } connect && connect.StartsWith("tcp:", StringComparison.Ordinal)
            ? connect["tcp:".Length..]
            : device?.GetValueOrDefault("connect");

    /// <summary>Whether <paramref name="current"/> has every key of <paramref name="desired"/> with the same value.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string>? current, IReadOnlyDictionary<string, string> desired) =>
        current is not null && current.Count == desired.Count
        && desired.All(pair => current.TryGetValue(pair.Key, out string? value) && value == pair.Value);
}
