using System.Net;
using System.Net.Sockets;
using Gbctl.Cli;
using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class ConnectionTests
{
    [Fact]
    public async Task Get_NoServerListening_ExplainsHowToConnect()
    {
        var address = $"http://127.0.0.1:{UnusedPort()}";
        var error = new LockedStringWriter();
        var context = new CliContext(TextReader.Null, new LockedStringWriter(), error, _ => null, Path.GetTempPath());

        var exitCode = await GbctlCli.RunAsync(["get", "bc", "--server", address], context, CancellationToken.None);

        exitCode.Should().Be(1);
        error.ToString().Should().StartWith($"error: cannot reach the API server at {address} (from --server)");
        error.ToString().Should().Contain("Is gb-operator serve running? Set --server or --kubeconfig.");
    }

    /// <summary>Returns a loopback port that nothing listens on, by binding port 0 and releasing it.</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
