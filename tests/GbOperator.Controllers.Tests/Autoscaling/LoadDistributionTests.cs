using GbOperator.Controllers.Autoscaling;

namespace GbOperator.Controllers.Tests.Autoscaling;

public class LoadDistributionTests
{
    public static TheoryData<string, double?[], double[]> Cases => new()
    {
        { "even", [40, 40], [0.5, 0.5] },
        { "uneven", [60, 20, 20], [0.6, 0.2, 0.2] },
        { "one idle", [30, 0], [1, 0] },
        { "single", [12], [1] },
        { "one not measured", [30, null], [] },
        { "all idle", [0, 0], [] },
        { "none", [], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Shares_FromCpu(string description, double?[] cpu, double[] expected)
    {
        var instances = cpu.Select((value, i) => new InstanceSample($"i{i}", value, Health: null)).ToList();

        var shares = LoadDistribution.Shares(instances);

        shares.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value).Should()
            .Equal(expected, (actual, wanted) => Math.Abs(actual - wanted) < 1e-9, description);
    }
}
