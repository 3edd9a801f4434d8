using System.Net;
using System.Net.Sockets;

namespace GbOperator.Benchmarks.Cases.Convergence;

/// <summary>Free TCP ports on 127.0.0.1.</summary>
internal static class LocalPorts
{
    /// <summary>Returns a port that the system reports free now; another process may still take it before it is used.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
