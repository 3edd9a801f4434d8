using System.Net.Sockets;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>Builds HTTP handlers that connect to a unix domain socket instead of a TCP address.</summary>
internal static class UnixSocketHttpHandler
{
    /// <summary>Creates a handler whose every connection opens <paramref name="socketPath"/>; the request's host is ignored.</summary>
    public static SocketsHttpHandler Create(string socketPath)
    {
        var endPoint = new UnixDomainSocketEndPoint(socketPath);
        return new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(endPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }
}
