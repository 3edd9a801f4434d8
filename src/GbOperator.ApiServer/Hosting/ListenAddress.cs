using System.Net;

namespace GbOperator.ApiServer.Hosting;

/// <summary>Parser of <c>ADDRESS:PORT</c> values such as <c>127.0.0.1:6443</c> or <c>[::1]:6443</c>.</summary>
public static class ListenAddress
{
    /// <summary>Parses <paramref name="value"/> into an IP endpoint.</summary>
    /// <exception cref="FormatException">The value is not an IP address followed by a port from 0 to 65535.</exception>
    public static IPEndPoint Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var separator = value.LastIndexOf(':');
        var hasPort = separator > 0 && (value.IndexOf(':', StringComparison.Ordinal) == separator || value[separator - 1] == ']');
        if (!hasPort || !IPEndPoint.TryParse(value, out var endpoint))
        {
            throw new FormatException($"Invalid listen address '{value}': expected ADDRESS:PORT with an IP address and a port from 0 to 65535, such as 127.0.0.1:6443 or [::1]:6443.");
        }

        return endpoint;
    }
}
