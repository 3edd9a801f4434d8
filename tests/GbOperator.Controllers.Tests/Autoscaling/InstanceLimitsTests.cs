using GbOperator.Controllers.Autoscaling;

namespace GbOperator.Controllers.Tests.Autoscaling;

public class InstanceLimitsTests
{
    [Theory]
    [InlineData(null, 8)]
    [InlineData("2", 2)]
    [InlineData("0-3", 4)]
    [InlineData("0,2", 2)]
    [InlineData("0-1,4,6-7", 5)]
    public void CpuCores_Limit_CountsCores(string? limit, double cores)
    {
        InstanceLimits.CpuCores(limit, hostCpus: 8).Should().Be(cores);
    }

    [Theory]
    [InlineData("256MiB", 268435456.0)]
    [InlineData("8GB", 8e9)]
    [InlineData("512kB", 512e3)]
    [InlineData("1000", 1000.0)]
    [InlineData("50%", 2e9)]
    public void MemoryBytes_Limit_ReturnsBytes(string limit, double bytes)
    {
        InstanceLimits.MemoryBytes(limit, hostBytes: 4_000_000_000).Should().Be(bytes);
    }

    [Fact]
    public void MemoryBytes_NoLimit_ReturnsNull()
    {
        InstanceLimits.MemoryBytes(null, hostBytes: 4_000_000_000).Should().BeNull();
    }
}
