using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GbOperator.Infrastructure.Lxd;
using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Tests.Lxd;

/// <summary>Runs <see cref="LxdClient"/> against the real LXD, each test in its own project.</summary>
[Collection(LocalServicesCollection.Name)]
public sealed class LxdClientTests(LocalServicesFixture services) : IAsyncLifetime
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(30);

    private readonly ListLogger<LxdClient> _logger = new();
    private LxdClient _client = null!;
    private LxdTestProject _project = null!;

    public async Task InitializeAsync()
    {
        _client = new LxdClient(new LxdClientOptions { SocketPath = services.LxdSocket }, _logger);
        _project = await LxdTestProject.CreateAsync(_client);
    }

    public async Task DisposeAsync()
    {
        await _project.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Project_CreateThenDelete_ExistsOnlyBetween()
    {
        string name = $"gbt-{Guid.NewGuid():N}"[..12];

        await _client.CreateProjectAsync(name, "created by a test", CancellationToken.None);
        bool existsAfterCreate = await _client.ProjectExistsAsync(name, CancellationToken.None);
        await _client.DeleteProjectAsync(name, CancellationToken.None);
        bool existsAfterDelete = await _client.ProjectExistsAsync(name, CancellationToken.None);

        existsAfterCreate.Should().BeTrue();
        existsAfterDelete.Should().BeFalse();
    }

    [Fact]
    public async Task CreateInstance_LimitsAndUserKeys_StoresConfig()
    {
        var config = new Dictionary<string, string>
        {
            ["limits.cpu"] = "1",
            ["limits.memory"] = "256MiB",
            ["user.gb.owner"] = "gb-operator",
            ["user.gb.cluster"] = "test",
        };

        int hostPort = FreePort.Next();
        var devices = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["http"] = LxdDevices.Proxy(hostPort, 8080) };

        await _client.CreateInstanceAsync(
            _project.Name,
            new LxdInstanceSpec { Name = "bot-1", ImageAlias = LxdTestProject.ImageAlias, Config = config, Devices = devices },
            CancellationToken.None);
        LxdInstance instance = await _client.GetInstanceAsync(_project.Name, "bot-1", CancellationToken.None);
        IReadOnlyList<LxdInstance> listed = await _client.ListInstancesAsync(_project.Name, includeState: false, CancellationToken.None);

        instance.Config.Should().Contain(config);
        instance.Devices.Should().ContainKey("http").WhoseValue.Should().Equal(devices["http"]);
        instance.StatusCode.Should().Be(LxdStatusCodes.Stopped);
        instance.ETag.Should().NotBeNullOrEmpty();
        listed.Select(item => item.Name).Should().Equal("bot-1");
        listed[0].Config.Should().Contain("user.gb.owner", "gb-operator");
    }

    [Fact]
    public async Task ProxyDevice_AfterPortChange_ServesHealth()
    {
        int hostPort = FreePort.Next();
        await _project.LaunchAsync("bot-1", botserverPort: 8080);
        await _project.PushTextAsync("bot-1", "/opt/gbo/bin/.env", "PORT=9090\n");

        await _client.RestartInstanceAsync(_project.Name, "bot-1", TimeSpan.FromSeconds(10), CancellationToken.None);
        await _client.SetDeviceAsync(_project.Name, "bot-1", "http", LxdDevices.Proxy(hostPort, 9090), CancellationToken.None);
        string body = await LxdTestProject.WaitForHealthAsync(hostPort, HealthTimeout);

        using JsonDocument health = JsonDocument.Parse(body);
        health.RootElement.GetProperty("instance").GetString().Should().Be("bot-1");
        health.RootElement.GetProperty("status").GetString().Should().Be("healthy");
        LxdInstance instance = await _client.GetInstanceAsync(_project.Name, "bot-1", CancellationToken.None);
        instance.Devices["http"].Should().Contain("listen", $"tcp:127.0.0.1:{hostPort}").And.Contain("bind", "host");
    }

    [Fact]
    public async Task GetInstanceState_Running_ReportsCpuAndMemory()
    {
        await _project.LaunchAsync("bot-1", botserverPort: 8080);

        LxdInstanceState state = await _client.GetInstanceStateAsync(_project.Name, "bot-1", CancellationToken.None);
        IReadOnlyList<LxdInstance> listed = await _client.ListInstancesAsync(_project.Name, includeState: true, CancellationToken.None);

        state.StatusCode.Should().Be(LxdStatusCodes.Running);
        state.Pid.Should().BePositive();
        state.Processes.Should().BePositive();
        state.Cpu.UsageNanoseconds.Should().BePositive();
        state.Memory.UsageBytes.Should().BePositive();
        listed.Should().ContainSingle().Which.State.Should().NotBeNull();
        listed[0].State!.Memory.UsageBytes.Should().BePositive();
    }

    [Fact]
    public async Task CountEstablishedConnections_HeldConnection_CountRises()
    {
        int hostPort = FreePort.Next();
        await _project.LaunchAsync("bot-1", botserverPort: 8080);
        await _client.SetDeviceAsync(_project.Name, "bot-1", "http", LxdDevices.Proxy(hostPort, 8080), CancellationToken.None);
        await LxdTestProject.WaitForHealthAsync(hostPort, HealthTimeout);
        int idle = await _client.CountEstablishedConnectionsAsync(_project.Name, "bot-1", 8080, CancellationToken.None);

        // A request line without the closing blank line keeps the stand-in reading headers for up to 10 s.
        using var openConnection = new TcpClient();
        await openConnection.ConnectAsync(IPAddress.Loopback, hostPort);
        await openConnection.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /api/health HTTP/1.1\r\nHost: test\r\n"));
        int busy = 0;
        await Wait.UntilAsync(
            async () => (busy = await _client.CountEstablishedConnectionsAsync(_project.Name, "bot-1", 8080, CancellationToken.None)) > idle,
            TimeSpan.FromSeconds(8),
            "the open connection shows as established inside the instance");

        idle.Should().Be(0);
        busy.Should().Be(1);
    }

    [Fact]
    public async Task SetDevice_ExistingName_ReplacesWholeDevice()
    {
        int firstPort = FreePort.Next();
        int secondPort = FreePort.Next();
        await _project.LaunchAsync("bot-1", botserverPort: 8080);
        await _client.SetDeviceAsync(_project.Name, "bot-1", "http", LxdDevices.Proxy(firstPort, 8080), CancellationToken.None);
        await LxdTestProject.WaitForHealthAsync(firstPort, HealthTimeout);

        await _client.SetDeviceAsync(_project.Name, "bot-1", "http", LxdDevices.Proxy(secondPort, 8080), CancellationToken.None);
        string body = await LxdTestProject.WaitForHealthAsync(secondPort, HealthTimeout);

        body.Should().Contain("\"instance\":\"bot-1\"");
        LxdInstance instance = await _client.GetInstanceAsync(_project.Name, "bot-1", CancellationToken.None);
        instance.Devices.Should().ContainKey("http").WhoseValue.Should().Contain("listen", $"tcp:127.0.0.1:{secondPort}");
        await AssertConnectionRefusedAsync(firstPort);
    }

    [Fact]
    public async Task SetDevice_TakenHostPort_Throws()
    {
        using var portHolder = new TcpListener(IPAddress.Loopback, 0);
        portHolder.Start();
        int hostPort = ((IPEndPoint)portHolder.LocalEndpoint).Port;
        await _project.LaunchAsync("bot-1", botserverPort: 8080);

        // LXD returns 500 after about 6 s for a port in use, which the default options retry, so this client does not.
        using var client = new LxdClient(
            new LxdClientOptions { SocketPath = services.LxdSocket, Resilience = new() { MaxRetryAttempts = 0 } }, _logger);
        Func<Task> set = () => client.SetDeviceAsync(_project.Name, "bot-1", "http", LxdDevices.Proxy(hostPort, 8080), CancellationToken.None);

        LxdException error = (await set.Should().ThrowAsync<LxdException>()).Which;
        // LXD 5.0.2 reports either the bind error or, when its listener process dies first, a lost file descriptor.
        error.LxdError.Should().Contain("Failed to start device \"http\"");
        error.Operation.Should().Be("set device");
        error.Instance.Should().Be("bot-1");
        error.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task RemoveDevice_ProxyDevice_ClosesHostPort()
    {
        int hostPort = FreePort.Next();
        await _project.LaunchAsync("bot-1", botserverPort: 8080);
        await _client.SetDeviceAsync(_project.Name, "bot-1", "http", LxdDevices.Proxy(hostPort, 8080), CancellationToken.None);
        await LxdTestProject.WaitForHealthAsync(hostPort, HealthTimeout);

        await _client.RemoveDeviceAsync(_project.Name, "bot-1", "http", CancellationToken.None);
        await _client.RemoveDeviceAsync(_project.Name, "bot-1", "http", CancellationToken.None);

        LxdInstance instance = await _client.GetInstanceAsync(_project.Name, "bot-1", CancellationToken.None);
        instance.Devices.Should().NotContainKey("http");
        await AssertConnectionRefusedAsync(hostPort);
    }

    [Fact]
    public async Task SetConfig_EmptyValue_DeletesKey()
    {
        await _client.CreateInstanceAsync(
            _project.Name,
            new LxdInstanceSpec
            {
                Name = "bot-1",
                ImageAlias = LxdTestProject.ImageAlias,
                Config = new Dictionary<string, string> { ["user.gb.generation"] = "1", ["user.gb.old"] = "x" },
            },
            CancellationToken.None);

        await _client.SetConfigAsync(
            _project.Name,
            "bot-1",
            new Dictionary<string, string?> { ["user.gb.generation"] = "2", ["user.gb.old"] = null, ["limits.memory"] = "128MiB" },
            CancellationToken.None);

        LxdInstance instance = await _client.GetInstanceAsync(_project.Name, "bot-1", CancellationToken.None);
        instance.Config.Should().Contain("user.gb.generation", "2");
        instance.Config.Should().Contain("limits.memory", "128MiB");
        instance.Config.Should().NotContainKey("user.gb.old");
    }

    [Fact]
    public async Task ReadFile_PushedFile_ReturnsSameBytes()
    {
        await _client.CreateInstanceAsync(
            _project.Name, new LxdInstanceSpec { Name = "bot-1", ImageAlias = LxdTestProject.ImageAlias }, CancellationToken.None);
        byte[] content = Encoding.UTF8.GetBytes("PORT=8081\nDB_CHECK=tcp\n");

        await _client.PushFileAsync(_project.Name, "bot-1", "/opt/gbo/bin/.env", content, new LxdFileOwnership(0, 0, Convert.ToInt32("600", 8)), CancellationToken.None);
        byte[] read = await _client.ReadFileAsync(_project.Name, "bot-1", "/opt/gbo/bin/.env", CancellationToken.None);

        read.Should().Equal(content);
    }

    [Fact]
    public async Task ReadFile_MissingPath_ThrowsNotFound()
    {
        await _client.CreateInstanceAsync(
            _project.Name, new LxdInstanceSpec { Name = "bot-1", ImageAlias = LxdTestProject.ImageAlias }, CancellationToken.None);

        Func<Task> read = () => _client.ReadFileAsync(_project.Name, "bot-1", "/opt/gbo/missing", CancellationToken.None);

        (await read.Should().ThrowAsync<LxdNotFoundException>()).Which.Instance.Should().Be("bot-1");
    }

    [Fact]
    public async Task StopThenDelete_RunningInstance_RemovesIt()
    {
        await _project.LaunchAsync("bot-1", botserverPort: 8080);

        await _client.StopInstanceAsync(_project.Name, "bot-1", TimeSpan.FromSeconds(10), CancellationToken.None);
        LxdInstance stopped = await _client.GetInstanceAsync(_project.Name, "bot-1", CancellationToken.None);
        await _client.StopInstanceAsync(_project.Name, "bot-1", TimeSpan.FromSeconds(10), CancellationToken.None);
        await _client.DeleteInstanceAsync(_project.Name, "bot-1", CancellationToken.None);
        Func<Task> get = () => _client.GetInstanceAsync(_project.Name, "bot-1", CancellationToken.None);

        stopped.StatusCode.Should().Be(LxdStatusCodes.Stopped);
        LxdNotFoundException error = (await get.Should().ThrowAsync<LxdNotFoundException>()).Which;
        error.Instance.Should().Be("bot-1");
        error.Operation.Should().Be("get instance");
        error.LxdError.Should().Contain("not found");
        _logger.Entries.Should().Contain(entry => entry.Level == LogLevel.Information && entry.Message.Contains("Deleted instance bot-1"));
    }

    [Fact]
    public async Task DeleteInstance_Running_ThrowsBadRequest()
    {
        await _project.LaunchAsync("bot-1", botserverPort: 8080);

        Func<Task> delete = () => _client.DeleteInstanceAsync(_project.Name, "bot-1", CancellationToken.None);

        LxdException error = (await delete.Should().ThrowAsync<LxdException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.Operation.Should().Be("delete instance");
    }

    [Fact]
    public async Task CreateInstance_MissingImageAlias_ErrorNamesAlias()
    {
        var spec = new LxdInstanceSpec { Name = "bot-1", ImageAlias = "no-such-image" };

        Func<Task> create = () => _client.CreateInstanceAsync(_project.Name, spec, CancellationToken.None);

        LxdNotFoundException error = (await create.Should().ThrowAsync<LxdNotFoundException>()).Which;
        error.Message.Should().Contain("no-such-image");
        error.Project.Should().Be(_project.Name);
        error.Instance.Should().Be("bot-1");
        error.Operation.Should().Be("create instance");
    }

    [Fact]
    public async Task CreateInstance_DuplicateName_ThrowsOperationError()
    {
        var spec = new LxdInstanceSpec { Name = "bot-1", ImageAlias = LxdTestProject.ImageAlias };
        await _client.CreateInstanceAsync(_project.Name, spec, CancellationToken.None);

        Func<Task> create = () => _client.CreateInstanceAsync(_project.Name, spec, CancellationToken.None);

        LxdException error = (await create.Should().ThrowAsync<LxdException>()).Which;
        error.LxdError.Should().Contain("already exists");
        error.StatusCode.Should().BeNull();
    }

    private static async Task AssertConnectionRefusedAsync(int port)
    {
        await Wait.UntilAsync(
            async () =>
            {
                using var probe = new TcpClient();
                try
                {
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    return false;
                }
                catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    return true;
                }
            },
            TimeSpan.FromSeconds(10),
            $"127.0.0.1:{port} refuses connections");
    }
}
