using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace GbOperator.Resources.Validation;

/// <summary>Parsing of the <c>host:port</c> and URL forms endpoints are written in.</summary>
internal static class NetworkAddress
{
    /// <summary>Parses <c>host:port</c> or <c>[v6]:port</c>. An empty host (<c>:443</c>) is allowed only when <paramref name="allowEmptyHost"/> is set.</summary>
    public static bool TryParseHostPort([NotNullWhen(true)] string? text, [NotNullWhen(true)] out string? host, out int port, bool allowEmptyHost = false)
    {
        host = null;
        port = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }

        host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }

        return host.Length == 0 ? allowEmptyHost : IsHost(host);
    }

    /// <summary>Whether <paramref name="host"/> is an IPv4 address or a DNS name (RFC 1123 labels, case-insensitive).</summary>
    public static bool IsHost(string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
        || (host.Length <= 253 && host.Split('.').All(label => DnsNames.IsLabel(label.ToLowerInvariant())));

    /// <summary>Whether <paramref name="text"/> is an absolute http or https URL with a host.</summary>
    public static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
}
