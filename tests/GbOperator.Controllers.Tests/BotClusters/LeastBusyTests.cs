using GbOperator.Controllers.BotClusters;

namespace GbOperator.Controllers.Tests.BotClusters;

public class LeastBusyTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Each candidate is NAME:CONNECTIONS:CPU, with CPU "-" when not measured.</summary>
    public static TheoryData<string, string[], string[]> Cases => new()
    {
        { "CPU known everywhere ranks first", ["a:0:80", "b:9:10", "c:3:50"], ["b", "c", "a"] },
        { "CPU within one band falls back to connections", ["a:1:11", "b:7:12", "c:4:14"], ["a", "c", "b"] },
        { "CPU missing on one falls back to connections", ["a:5:5", "b:1:-", "c:3:90"], ["b", "c", "a"] },
        { "CPU missing everywhere uses connections", ["a:2:-", "b:0:-", "c:1:-"], ["b", "c", "a"] },
        { "idle beats busy with fewer connections", ["a:0:95", "b:20:0"], ["b", "a"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Key_OrdersLeastBusyFirst(string description, string[] candidates, string[] expected)
    {
        var views = candidates.Select(Parse).ToList();
        bool useCpu = LeastBusy.CanUseCpu(views);

        var order = views.OrderBy(view => LeastBusy.Key(view, useCpu)).ThenBy(view => view.Name, StringComparer.Ordinal).Select(view => view.Name);

        order.Should().Equal(expected, description);
    }

    [Fact]
    public void CanUseCpu_IgnoresNotReady()
    {
        var views = new[] { Parse("a:0:20"), Parse("b:0:-") with { Ready = false } };

        LeastBusy.CanUseCpu(views).Should().BeTrue();
    }

    [Fact]
    public void CanUseCpu_NoReadyInstance_IsFalse()
    {
        LeastBusy.CanUseCpu([Parse("a:0:-") with { Ready = false }]).Should().BeFalse();
    }

    private static InstanceView Parse(string candidate)
    {
        string[] parts = candidate.Split(':');
        double? cpu = parts[2] == "-" ? null : double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        return new InstanceView(parts[0], UpToDate: true, Ready: true, Failed: false, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Created, cpu);
    }
}
