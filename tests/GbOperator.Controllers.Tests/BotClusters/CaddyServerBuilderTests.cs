using System.Text.Json.Nodes;
using GbOperator.Controllers.BotClusters;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Controllers.Tests.BotClusters;

public class CaddyServerBuilderTests
{
    private static readonly BotClusterSpec Spec = new()
    {
        Image = "botserver-standin",
        Routing = new RoutingSpec { ListenAddress = "127.0.0.1:8480", Host = "bot.example.test" },
    };

    private static readonly string[] Upstreams = ["127.0.0.1:20001", "127.0.0.1:20002"];

    private static JsonObject Build(BotClusterSpec? spec = null, IReadOnlyList<string>? upstreams = null) =>
        CaddyServerBuilder.Build(CaddyServerBuilder.ServerId("default", "demo"), spec ?? Spec, upstreams ?? Upstreams);

    private static JsonNode Route(JsonObject server, string path) =>
        server["routes"]!.AsArray().Single(route => route?["match"]?[0]?["path"]?[0]?.GetValue<string>() == path)!;

    [Fact]
    public void ServerId_Cluster_JoinsNamespaceAndName()
    {
        CaddyServerBuilder.ServerId("default", "demo").Should().Be("gbo-default-demo");
    }

    [Fact]
    public void Build_SameInput_IsDeterministic()
    {
        JsonNode.DeepEquals(Build(), Build()).Should().BeTrue();
        Build().ToJsonString().Should().Be(Build().ToJsonString());
    }

    [Fact]
    public void Build_Server_ListensWithIdAndWithoutHttps()
    {
        var server = Build();

        server["@id"]!.GetValue<string>().Should().Be("gbo-default-demo");
        server["listen"]!.AsArray().Select(node => node!.GetValue<string>()).Should().Equal("127.0.0.1:8480");
        server["automatic_https"]!["disable"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Build_CommonRoute_SetsSecurityHeadersAndEncoding()
    {
        var common = Build()["routes"]![0]!;

        common["terminal"].Should().BeNull();
        common["match"]![0]!["host"]![0]!.GetValue<string>().Should().Be("bot.example.test");
        var headers = common["handle"]![0]!;
        headers["handler"]!.GetValue<string>().Should().Be("headers");
        headers["response"]!["set"]!["X-Content-Type-Options"]![0]!.GetValue<string>().Should().Be("nosniff");
        headers["response"]!["set"]!["X-Frame-Options"]![0]!.GetValue<string>().Should().Be("DENY");
        headers["response"]!["set"]!["Referrer-Policy"]![0]!.GetValue<string>().Should().Be("strict-origin-when-cross-origin");
        headers["response"]!["delete"]![0]!.GetValue<string>().Should().Be("Server");
        var encode = common["handle"]![1]!;
        encode["handler"]!.GetValue<string>().Should().Be("encode");
        encode["encodings"]!.AsObject().Select(pair => pair.Key).Should().Equal("gzip", "zstd");
    }

    [Fact]
    public void Build_HealthRoute_ReachesOneInstance()
    {
        var route = Route(Build(), "/api/health");

        route["handle"]![0]!["upstreams"]!.AsArray().Should().ContainSingle();
        route["handle"]![0]!["load_balancing"].Should().BeNull();
        route["terminal"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Build_WebSocketRoute_UsesCookieStickiness()
    {
        var proxy = Route(Build(), "/ws*")["handle"]![0]!;

        proxy["load_balancing"]!["selection_policy"]!["policy"]!.GetValue<string>().Should().Be("cookie");
        proxy["load_balancing"]!["try_duration"]!.GetValue<string>().Should().Be("5s");
        proxy["upstreams"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public void Build_ApiRoute_RoundRobinWithChecks()
    {
        var proxy = Route(Build(), "/api/*")["handle"]![0]!;

        proxy["load_balancing"]!["selection_policy"]!["policy"]!.GetValue<string>().Should().Be("round_robin");
        proxy["health_checks"]!["active"]!["uri"]!.GetValue<string>().Should().Be("/api/health");
        proxy["health_checks"]!["active"]!["interval"]!.GetValue<string>().Should().Be("10s");
        proxy["health_checks"]!["active"]!["timeout"]!.GetValue<string>().Should().Be("5s");
        proxy["health_checks"]!["passive"]!["fail_duration"]!.GetValue<string>().Should().Be("30s");
    }

    [Fact]
    public void Build_CatchAllRoute_UsesFirst()
    {
        var proxy = Route(Build(), "/*")["handle"]![0]!;

        proxy["load_balancing"]!["selection_policy"]!["policy"]!.GetValue<string>().Should().Be("first");
        proxy["health_checks"].Should().BeNull();
    }

    [Fact]
    public void Build_NoHost_HasNoHostMatcher()
    {
        var server = Build(Spec with { Routing = Spec.Routing with { Host = null } });

        server["routes"]!.AsArray().Should().OnlyContain(route => route!["match"] == null || route["match"]![0]!["host"] == null);
    }

    [Fact]
    public void Build_NoReadyInstances_Answers503()
    {
        var route = Route(Build(upstreams: []), "/api/*");

        route["handle"]![0]!["handler"]!.GetValue<string>().Should().Be("static_response");
        route["handle"]![0]!["status_code"]!.GetValue<int>().Should().Be(503);
    }

    [Theory]
    [InlineData("127.0.0.1:8480", true)]
    [InlineData(":80", false)]
    [InlineData("0.0.0.0:8480", false)]
    [InlineData("127.0.0.1:0", false)]
    [InlineData("127.0.0.1:x", false)]
    public void IsLoopbackListenAddress_Address_AllowsOnlyLoopback(string address, bool expected)
    {
        BotClusterReconciler.IsLoopbackListenAddress(address).Should().Be(expected);
    }
}
