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

        var (exitCode, output) = await RunCapturingConsoleAsync(["serve", "--store", StoreUrl(), "--listen", $"127.0.0.1:{port}", "--controllers", "false"]);

        exitCode.Should().Be(1);
        output.Should().Contain($"Listening on 127.0.0.1:{port} failed: the address is already in use");
        output.Should().Contain("--listen");
        output.Should().NotContain("AddressInUseException");
    }

    [Theory]
    [InlineData("1h")]
    [InlineData("90s")]
    [InlineData("01:00:00")]
    public void Serve_EventTtlDuration_Parses(string ttl)
    {
        var result = GbOperatorCommand.Create().Parse(["serve", "--event-ttl", ttl]);

        result.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--event-ttl", "1x", "error: invalid value '1x' for --event-ttl: use a positive duration such as 1h, 30m, 90s or 1h30m.")]
    [InlineData("--event-ttl", "0s", "error: invalid value '0s' for --event-ttl: use a positive duration such as 1h, 30m, 90s or 1h30m.")]
    [InlineData("--controllers", "maybe", "error: invalid value 'maybe' for --controllers: use true or false.")]
    public async Task Serve_InvalidOptionValue_PrintsOneLine(string option, string value, string expected)
    {
        using var error = new StringWriter();

        var exitCode = await GbOperatorCommand.RunAsync(["serve", option, value], error, CancellationToken.None);

        exitCode.Should().Be(2);
        error.ToString().Should().Be($"{expected}\nSee 'gb-operator serve --help' for usage.\n");
    }

    [Fact]
    public async Task Serve_SqliteFolderMissing_ExitsWithoutCreatingIt()
    {
        var folder = Path.Combine(_directory, "missing", "dir");

        var (exitCode, output) = await RunCapturingConsoleAsync(["serve", "--store", $"sqlite://{folder}/x.db", "--listen", "127.0.0.1:0", "--controllers", "false"]);

        exitCode.Should().Be(2);
        output.Should().Contain($"the folder {folder} does not exist");
        Directory.Exists(Path.Combine(_directory, "missing")).Should().BeFalse();
    }

    [Fact]
    public async Task Serve_EtcdUnreachable_FailsStartUp()
    {
        // Nothing listens on port 1 of the loopback address in the test environment, so the etcd client gets a refused connection.
        var (exitCode, output) = await RunCapturingConsoleAsync(
            ["serve", "--store", "etcd://127.0.0.1:1", "--store-timeout", "5s", "--listen", "127.0.0.1:0", "--controllers", "false"]);

        exitCode.Should().Be(1);
        output.Should().Contain("Start-up failed because the store etcd://127.0.0.1:1 is not reachable");
        output.Should().NotContain("RpcException");
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

    /// <summary>Runs gb-operator with its console output, where Serilog writes, captured.</summary>
    private static async Task<(int ExitCode, string Output)> RunCapturingConsoleAsync(string[] args)
    {
        var previous = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var exitCode = await GbOperatorCommand.RunAsync(args, output, CancellationToken.None);
            return (exitCode, output.ToString());
        }
        finally
        {
            Console.SetOut(previous);
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
