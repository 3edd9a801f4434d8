using System.CommandLine;
using System.Net;
using System.Net.Sockets;

namespace GbOperator.Tests;

/// <summary>The <c>gb-operator serve</c> command, run in-process.</summary>
/// <remarks>One class, so its tests never run in parallel: the command sets Serilog's global logger and reads <c>GBO_STATE_DIR</c>.</remarks>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gbo-serve-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("nope")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:99999")]
    public async Task Serve_InvalidListen_ExitsWithTwo(string listen)
    {
        var exitCode = await GbOperatorCommand.Create().Parse(["serve", "--store", StoreUrl(), "--listen", listen]).InvokeAsync();

        exitCode.Should().Be(2);
    }

    [Theory]
    [InlineData("foo://x")]
    [InlineData("etcd://")]
    [InlineData("/var/lib/state.db")]
    public async Task Serve_InvalidStore_ExitsWithTwo(string store)
    {
        var exitCode = await GbOperatorCommand.Create().Parse(["serve", "--store", store, "--listen", "127.0.0.1:0"]).InvokeAsync();

        exitCode.Should().Be(2);
    }

    [Fact]
    public async Task Serve_GitOpsCacheUnusable_ExitsWithTwo()
    {
        var file = Path.Combine(_directory, "not-a-folder");
        await File.WriteAllTextAsync(file, "a file where the clone folder should be");

        var exitCode = await GbOperatorCommand.Create().Parse(["serve", "--store", StoreUrl(), "--listen", "127.0.0.1:0", "--gitops-cache", Path.Combine(file, "gitops")]).InvokeAsync();

        exitCode.Should().Be(2);
    }

    [Fact]
    public async Task Serve_PortInUse_ExitsWithOne()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var exitCode = await GbOperatorCommand.Create().Parse(["serve", "--store", StoreUrl(), "--listen", $"127.0.0.1:{port}", "--controllers", "false"]).InvokeAsync();

        exitCode.Should().Be(1);
    }

    [Fact]
    public async Task Serve_UntilCancelled_ServesAndExitsWithZero()
    {
        var port = FreePort();
        using var stopping = new CancellationTokenSource();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var serve = GbOperatorCommand.Create()
            .Parse(["serve", "--store", StoreUrl(), "--listen", $"127.0.0.1:{port}", "--controllers", "false"])
            .InvokeAsync(new InvocationConfiguration(), stopping.Token);
        var ready = await WaitUntilReadyAsync(client, serve);
        await stopping.CancelAsync();
        var exitCode = await serve.WaitAsync(TimeSpan.FromSeconds(30));

        ready.Should().BeTrue();
        exitCode.Should().Be(0);
        File.Exists(Path.Combine(_directory, "state.db")).Should().BeTrue();
    }

    [Fact]
    public void DefaultStore_StateDirectorySet_UsesIt()
    {
        var previous = Environment.GetEnvironmentVariable("GBO_STATE_DIR");
        Environment.SetEnvironmentVariable("GBO_STATE_DIR", _directory);
        try
        {
            DefaultStore.SqliteUrl().Should().Be("sqlite://" + Path.Combine(_directory, "gb-operator.db"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GBO_STATE_DIR", previous);
        }
    }

    private string StoreUrl() => "sqlite://" + Path.Combine(_directory, "state.db");

    private static async Task<bool> WaitUntilReadyAsync(HttpClient client, Task<int> serve)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !serve.IsCompleted)
        {
            try
            {
                var response = await client.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
