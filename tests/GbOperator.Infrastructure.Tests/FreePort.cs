using System.Net;
using System.Net.Sockets;

namespace GbOperator.Infrastructure.Tests;

/// <summary>Finds TCP ports on 127.0.0.1 that nothing listens on.</summary>
internal static class FreePort
{
    /// <summary>Returns a port the kernel just assigned and released; another process may still take it before the caller binds it.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
