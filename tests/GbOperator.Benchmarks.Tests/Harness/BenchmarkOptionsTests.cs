using GbOperator.Benchmarks.Harness;

namespace GbOperator.Benchmarks.Tests.Harness;

public sealed class BenchmarkOptionsTests
{
    [Fact]
    public void Parse_CasesAndCounts_Set()
    {
        var options = BenchmarkOptions.Parse(["--case", "store, watch", "--store-ops", "25", "--sim-clusters", "4000"]);

        options.Cases.Should().Equal("store", "watch");
        options.StoreOperations.Should().Be(25);
        options.SimulationClusters.Should().Be(4000);
    }

    [Fact]
    public void Parse_FailoverSettings_Set()
    {
        var options = BenchmarkOptions.Parse(["--failover-runs", "5", "--patroni-dir", "/tmp/patroni"]);

        options.FailoverRuns.Should().Be(5);
        options.PatroniFolder.Should().Be("/tmp/patroni");
    }

    [Fact]
    public void Parse_UnknownOption_Throws()
    {
        var act = () => BenchmarkOptions.Parse(["--store-operations", "25"]);

        act.Should().Throw<ArgumentException>().WithMessage("Unknown option --store-operations; see --help.");
    }

    [Fact]
    public void Parse_MissingValue_Throws()
    {
        var act = () => BenchmarkOptions.Parse(["--watchers"]);

        act.Should().Throw<ArgumentException>().WithMessage("Option --watchers needs a value; see --help.");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public void Parse_NonPositiveCount_Throws(string value)
    {
        var act = () => BenchmarkOptions.Parse(["--watchers", value]);

        act.Should().Throw<ArgumentException>().WithMessage($"Option --watchers must be a positive integer, not '{value}'.");
    }
}
