using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>Parsing of the <c>ip:port</c> endpoints that a FailoverPolicy's status reports.</summary>
internal static class EndpointAddress
{
    /// <summary>
    /// Parses <c>ip:port</c> or <c>[ipv6]:port</c>. Host names are rejected, because an LXD proxy device connects
    /// to an IP address.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IPEndPoint? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrEmpty(text) || !IPEndPoint.TryParse(text, out var parsed) || parsed.Port == 0)
        {
            return false;
        }

        // IPEndPoint.TryParse also accepts a bare IPv6 address, whose last group would be ambiguous with a port.
        // An IPv6 endpoint must therefore use brackets.
        if (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !text.StartsWith('['))
        {
            return false;
        }

        endpoint = parsed;
        return true;
    }
}
