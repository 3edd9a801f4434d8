using System.Net;
using System.Net.Sockets;
using GbOperator.Controllers.BotClusters;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources.BotClusters;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Controllers.Tests.BotClusters;

public sealed class HealthFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ProbeAsync_ServiceUnavailable_ReturnsStatusCode()
    {
        using var client = new HttpClient(new FixedStatusHandler(HttpStatusCode.ServiceUnavailable));
        var prober = new HealthProber(client, NullLogger<HealthProber>.Instance);

        string? failure = await prober.ProbeAsync("web-a", 20001, "/api/health", TimeSpan.FromSeconds(5), CancellationToken.None);

        failure.Should().Be("HTTP 503 from /api/health");
    }

    [Fact]
    public async Task ProbeAsync_Ok_ReturnsNull()
    {
        using var client = new HttpClient(new FixedStatusHandler(HttpStatusCode.OK));
        var prober = new HealthProber(client, NullLogger<HealthProber>.Instance);

        string? failure = await prober.ProbeAsync("web-a", 20001, "/api/health", TimeSpan.FromSeconds(5), CancellationToken.None);

        failure.Should().BeNull();
    }

    [Fact]
    public async Task ProbeAsync_NothingListening_ReturnsConnectionError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new HttpClient();
        var prober = new HealthProber(client, NullLogger<HealthProber>.Instance);

        string? failure = await prober.ProbeAsync("web-a", closedPort, "/api/health", TimeSpan.FromSeconds(5), CancellationToken.None);

        failure.Should().StartWith("/api/health failed: ");
    }

    [Fact]
    public void StatusBuilder_EveryInstanceFailing_DegradedListsFailures()
    {
        var observation = new ClusterObservation([Instance("web-a"), Instance("web-b")], new HashSet<string>(), [])
        {
            HealthFailures = new Dictionary<string, string> { ["web-b"] = "HTTP 503 from /api/health", ["web-a"] = "HTTP 503 from /api/health" },
        };

        var status = BotClusterStatusBuilder.Build(Cluster(), observation, new RolloutPlan(0, [], []), listenerProblem: null, Now);

        var ready = status.Conditions!.Single(condition => condition.Type == "Ready");
        ready.Status.Should().Be("False");
        var degraded = status.Conditions!.Single(condition => condition.Type == "Degraded");
        degraded.Status.Should().Be("True");
        degraded.Reason.Should().Be("HealthCheckFailing");
        degraded.Message.Should().Be("2 of 2 instances fail their health check: web-a (HTTP 503 from /api/health), web-b (HTTP 503 from /api/health).");
    }

    [Fact]
    public void StatusBuilder_NoFailures_DegradedFalse()
    {
        var observation = new ClusterObservation([Instance("web-a"), Instance("web-b")], new HashSet<string> { "web-a", "web-b" }, []);

        var status = BotClusterStatusBuilder.Build(Cluster(), observation, new RolloutPlan(0, [], []), listenerProblem: null, Now);

        var degraded = status.Conditions!.Single(condition => condition.Type == "Degraded");
        degraded.Status.Should().Be("False");
        degraded.Reason.Should().Be("AsExpected");
    }

    private static BotCluster Cluster() => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = "default", Name = "web", Uid = "uid-web", Generation = 1 },
        Spec = new BotClusterSpec { Image = "botserver-standin", Replicas = 2 },
    };

    private static ObservedInstance Instance(string name) => ObservedInstance.From(new LxdInstance
    {
        Name = name,
        Status = "Running",
        CreatedAt = Now.AddMinutes(-1),
    });

    private sealed class FixedStatusHandler(HttpStatusCode statusCode) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(statusCode));
    }
}
