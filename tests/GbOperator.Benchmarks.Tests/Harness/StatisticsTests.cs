using GbOperator.Benchmarks.Harness;

namespace GbOperator.Benchmarks.Tests.Harness;

public sealed class StatisticsTests
{
    [Theory]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 10.0, 10.0, 10.0, 1000.0 }, 10.0)]
    public void Median_OddEvenAndOutliers_MiddleValue(double[] samples, double expected)
    {
        double median = Statistics.Median(samples);

        median.Should().Be(expected);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(25, 25.75)]
    [InlineData(50, 50.5)]
    [InlineData(99, 99.01)]
    [InlineData(100, 100.0)]
    public void Percentile_OneToHundred_InterpolatesBetweenRanks(double percentile, double expected)
    {
        double[] samples = [.. Enumerable.Range(1, 100).Select(i => (double)i).Reverse()];

        double value = Statistics.Percentile(samples, percentile);

        value.Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Percentile_TwoSamples_Interpolates()
    {
        double p99 = Statistics.Percentile([10.0, 20.0], 99);

        p99.Should().BeApproximately(19.9, 1e-9);
    }

    [Fact]
    public void Percentile_Empty_Throws()
    {
        var act = () => Statistics.Percentile([], 50);

        act.Should().Throw<ArgumentException>().WithMessage("*at least one sample*");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Percentile_OutOfRange_Throws(double percentile)
    {
        var act = () => Statistics.Percentile([1.0], percentile);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Summarize_Samples_AllFields()
    {
        double[] samples = [4.0, 1.0, 3.0, 2.0, 10.0];

        var summary = Statistics.Summarize(samples);

        summary.Count.Should().Be(5);
        summary.Min.Should().Be(1.0);
        summary.P50.Should().Be(3.0);
        summary.P99.Should().BeApproximately(9.76, 1e-9);
        summary.Max.Should().Be(10.0);
        summary.Mean.Should().Be(4.0);
    }

    [Fact]
    public void Summarize_DoesNotReorderInput()
    {
        double[] samples = [3.0, 1.0, 2.0];

        Statistics.Summarize(samples);

        samples.Should().Equal(3.0, 1.0, 2.0);
    }

    [Fact]
    public void Ratio_Medians_SubjectOverBaseline()
    {
        var subject = Statistics.Summarize([9.0, 6.0, 1000.0]);
        var baseline = Statistics.Summarize([2.0, 3.0, 4.0]);

        double? ratio = Statistics.Ratio(subject, baseline);

        ratio.Should().Be(3.0);
    }

    [Fact]
    public void Ratio_ZeroBaseline_Null()
    {
        var subject = Statistics.Summarize([1.0]);
        var baseline = Statistics.Summarize([0.0, 0.0]);

        double? ratio = Statistics.Ratio(subject, baseline);

        ratio.Should().BeNull();
    }

    [Fact]
    public void ComparisonOf_SameUnit_CarriesRatio()
    {
        var comparison = Comparison.Of("create", Measurement.Of("api", "ms", [4.0, 6.0]), Measurement.Of("raw", "ms", [1.0, 4.0]));

        comparison.Ratio.Should().Be(2.0);
    }

    [Fact]
    public void ComparisonOf_DifferentUnits_Throws()
    {
        var act = () => Comparison.Of("create", Measurement.Of("api", "ms", [1.0]), Measurement.Of("raw", "s", [1.0]));

        act.Should().Throw<ArgumentException>().WithMessage("*use one unit for both*");
    }
}
