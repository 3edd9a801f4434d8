using GbOperator.Controllers.Autoscaling;

namespace GbOperator.Controllers.Tests.Autoscaling;

public class HealthReportTests
{
    [Fact]
    public void Parse_DocumentedResponse_ReadsEveryMetric()
    {
        var report = HealthReport.Parse("""
            {"status":"healthy","version":"6.1.0","uptime":86400,"checks":{"database":"ok"},
             "metrics":{"cpu":45.2,"memory":62.1,"connections":150,"queue_depth":12}}
            """);

        report.CpuPercent.Should().Be(45.2);
        report.MemoryPercent.Should().Be(62.1);
        report.Connections.Should().Be(150);
        report.QueueDepth.Should().Be(12);
        report.Unavailable.Should().BeEmpty();
    }

    [Fact]
    public void Parse_NoMetricsObject_AllAbsent()
    {
        var report = HealthReport.Parse("""{"status":"healthy"}""");

        report.QueueDepth.Should().BeNull();
        report.Unavailable.Select(field => $"{field.Metric}: {field.Reason}").Should().Equal(
            "reportedCpu: metrics.cpu is absent",
            "reportedMemory: metrics.memory is absent",
            "connections: metrics.connections is absent",
            "queueDepth: metrics.queue_depth is absent");
    }

    [Theory]
    [InlineData("\"many\"", "metrics.queue_depth is \"many\", not a number of 0 or more")]
    [InlineData("-1", "metrics.queue_depth is -1, not a number of 0 or more")]
    [InlineData("null", "metrics.queue_depth is null, not a number of 0 or more")]
    [InlineData("{\"size\":3}", "metrics.queue_depth is {\"size\":3}, not a number of 0 or more")]
    public void Parse_QueueDepthNotNumber_Unavailable(string value, string reason)
    {
        var report = HealthReport.Parse($$$"""{"metrics":{"cpu":1,"memory":2,"connections":3,"queue_depth":{{{value}}}}}""");

        report.QueueDepth.Should().BeNull();
        report.Unavailable.Should().ContainSingle().Which.Should().Be(new UnavailableField("queueDepth", reason));
    }

    [Fact]
    public void Parse_MetricsNotObject_AllAbsent()
    {
        var report = HealthReport.Parse("""{"metrics":[1,2]}""");

        report.Unavailable.Should().HaveCount(4).And.OnlyContain(field => field.Reason.EndsWith(" is absent", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotJson_Throws()
    {
        var parse = () => HealthReport.Parse("OK");

        parse.Should().Throw<FormatException>().WithMessage("The health response is not JSON*");
    }

    [Fact]
    public void Parse_JsonArray_Throws()
    {
        var parse = () => HealthReport.Parse("[]");

        parse.Should().Throw<FormatException>().WithMessage("The health response is a JSON array, not an object.");
    }
}
