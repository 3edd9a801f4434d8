using GbOperator.Controllers.Autoscaling;

namespace GbOperator.Controllers.Tests.Autoscaling;

public class MetricHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_PastWindow_KeepsWindowStart()
    {
        var history = new MetricHistory();

        for (int i = 0; i <= 10; i++)
        {
            history.Add(new MetricSample(Start.AddSeconds(i * 10), 1, 1, 1, null, null, []), TimeSpan.FromSeconds(30));
        }

        history.Samples.Select(sample => sample.Time).Should().Equal(
            Start.AddSeconds(70), Start.AddSeconds(80), Start.AddSeconds(90), Start.AddSeconds(100));
    }

    [Fact]
    public void Add_ZeroWindow_KeepsOnlyTheLatest()
    {
        var history = new MetricHistory();

        history.Add(new MetricSample(Start, 1, 1, 1, null, null, []), TimeSpan.Zero);
        history.Add(new MetricSample(Start.AddSeconds(10), 1, 1, 1, null, null, []), TimeSpan.Zero);

        history.Samples.Should().ContainSingle().Which.Time.Should().Be(Start.AddSeconds(10));
    }
}
