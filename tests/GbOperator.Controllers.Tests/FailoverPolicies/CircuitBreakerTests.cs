using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Controllers.Tests.FailoverPolicies;

/// <summary>The policy's circuit breaker in front of a Patroni endpoint that refuses connections.</summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private FailoverControllerHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await FailoverControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task UnreachablePatroni_OpensCircuitInStatus()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        await _harness.CreateAsync("breaker", new FailoverPolicySpec
        {
            Patroni = new PatroniSpec { Scope = "nowhere", Endpoints = [$"http://127.0.0.1:{closedPort}"] },
            CircuitBreaker = new CircuitBreakerSpec { Threshold = 2, Timeout = "60s", HalfOpenRequests = 1 },
        });

        var open = await _harness.WaitForStatusAsync("breaker", status => status.CircuitState == "Open", "status.circuitState is Open", TimeSpan.FromSeconds(30));

        open.Primary.Should().BeNull();
        var database = FailoverControllerHarness.Condition(open, "DatabaseAvailable")!;
        database.Status.Should().Be("False");
        database.Reason.Should().Be("PatroniUnreachable");
        _harness.Events.Reasons.Should().Contain("CircuitOpened");
    }
}
