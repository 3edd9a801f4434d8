using System.Net;
using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Tests.Infrastructure;
using GbOperator.Storage;

namespace GbOperator.ApiServer.Tests.Hosting;

public sealed class ApiServerHostTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gbo-host-tests-" + Guid.NewGuid().ToString("N"));
    private IResourceStore _store = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = ResourceStoreFactory.Open("sqlite://" + Path.Combine(_directory, "state.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task StartAsync_PortZero_ReportsBoundPort()
    {
        await using var host = await ApiServerHost.StartAsync(_store);

        host.BaseAddress.Host.Should().Be("127.0.0.1");
        host.BaseAddress.Port.Should().BePositive();
    }

    [Fact]
    public async Task StartAsync_InvalidListen_ThrowsFormatException()
    {
        var start = () => ApiServerHost.StartAsync(_store, "localhost");

        await start.Should().ThrowAsync<FormatException>().WithMessage("*'localhost'*");
    }

    [Fact]
    public async Task DisposeAsync_OpenWatch_EndsStream()
    {
        var host = await ApiServerHost.StartAsync(_store);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        await client.CreateBotClusterAsync("default", Manifests.BotCluster("web"));
        await using var watch = await WatchStream.OpenAsync(client, Manifests.BotClusters("default") + "?watch=true");
        (await watch.ReadNextAsync()).Type().Should().Be("ADDED");

        var dispose = host.DisposeAsync().AsTask();
        var end = await watch.ReadEventAsync(TimeSpan.FromSeconds(10));

        end.Should().BeNull();
        await dispose.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task UnreachableStore_OnlyStoreCallsFail()
    {
        await using var unreachable = ResourceStoreFactory.Open("etcd://127.0.0.1:1");
        await using var host = await ApiServerHost.StartAsync(unreachable);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var ready = await client.GetAsync("/readyz");
        var discovery = await client.GetAsync("/apis/" + Manifests.ApiVersion);
        var live = await client.GetAsync("/livez");
        var get = await client.GetJsonAsync(Manifests.BotClusterPath("default", "web"));

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        discovery.StatusCode.Should().Be(HttpStatusCode.OK);
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        get.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        get.Reason.Should().Be("ServiceUnavailable");
    }
}
