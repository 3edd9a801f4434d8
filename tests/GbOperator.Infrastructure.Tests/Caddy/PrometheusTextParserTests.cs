using GbOperator.Infrastructure.Caddy;

namespace GbOperator.Infrastructure.Tests.Caddy;

public class PrometheusTextParserTests
{
    // The shape of Caddy 2.6.2's /metrics for a server with the metrics option, shortened.
    private const string CaddyOutput = """
        # HELP caddy_http_requests_total Counter of HTTP(S) requests made.
        # TYPE caddy_http_requests_total counter
        caddy_http_requests_total{handler="headers",server="gbo-default-web"} 7
        caddy_http_requests_total{handler="reverse_proxy",server="gbo-default-web"} 40
        caddy_http_requests_total{handler="reverse_proxy",server="gbo-default-other"} 1000
        caddy_http_request_duration_seconds_bucket{code="200",handler="reverse_proxy",method="GET",server="gbo-default-web",le="+Inf"} 38
        caddy_http_request_duration_seconds_sum{code="200",handler="reverse_proxy",method="GET",server="gbo-default-web"} 3.8
        caddy_http_request_duration_seconds_count{code="200",handler="reverse_proxy",method="GET",server="gbo-default-web"} 38
        caddy_http_request_duration_seconds_sum{code="502",handler="reverse_proxy",method="GET",server="gbo-default-web"} 0.2
        caddy_http_request_duration_seconds_count{code="502",handler="reverse_proxy",method="GET",server="gbo-default-web"} 2
        go_goroutines 18
        process_virtual_memory_max_bytes 1.8446744073709552e+19
        """;

    [Fact]
    public void Parse_CaddyOutput_ReadsNamesLabelsAndValues()
    {
        var samples = PrometheusTextParser.Parse(CaddyOutput);

        samples.Should().HaveCount(10);
        samples[0].Name.Should().Be("caddy_http_requests_total");
        samples[0].Labels.Should().Equal(new Dictionary<string, string> { ["handler"] = "headers", ["server"] = "gbo-default-web" });
        samples[0].Value.Should().Be(7);
        samples[3].Labels["le"].Should().Be("+Inf");
        samples[^2].Labels.Should().BeEmpty();
        samples[^1].Value.Should().Be(1.8446744073709552e+19);
    }

    [Fact]
    public void Parse_EscapedLabelValue_Unescapes()
    {
        var samples = PrometheusTextParser.Parse("metric{path=\"/a\\\"b\\\\c\"} 1 1700000000000");

        samples.Single().Labels["path"].Should().Be("/a\"b\\c");
        samples.Single().Value.Should().Be(1);
    }

    [Theory]
    [InlineData("metric_without_value")]
    [InlineData("metric{label=\"x\"} many")]
    [InlineData("metric{label=x} 1")]
    [InlineData("metric{label=\"x\" 1")]
    public void Parse_InvalidLine_Throws(string line)
    {
        var parse = () => PrometheusTextParser.Parse(line);

        parse.Should().Throw<FormatException>().WithMessage("Invalid Prometheus*");
    }

    [Fact]
    public void CaddyServerTraffic_OneServer_SumsProxySeries()
    {
        var traffic = CaddyServerTraffic.From(PrometheusTextParser.Parse(CaddyOutput), "gbo-default-web");

        traffic.Requests.Should().Be(40);
        traffic.DurationSeconds.Should().BeApproximately(4.0, 1e-9);
        traffic.TimedRequests.Should().Be(40);
    }

    [Fact]
    public void CaddyServerTraffic_ServerWithoutSeries_ReadsZero()
    {
        var traffic = CaddyServerTraffic.From(PrometheusTextParser.Parse(CaddyOutput), "gbo-default-new");

        traffic.Should().Be(new CaddyServerTraffic(0, 0, 0));
    }
}
