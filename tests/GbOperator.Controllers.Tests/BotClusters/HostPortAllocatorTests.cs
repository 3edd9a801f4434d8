using GbOperator.Controllers.BotClusters;

namespace GbOperator.Controllers.Tests.BotClusters;

public class HostPortAllocatorTests
{
    [Fact]
    public void Allocate_EmptyRange_ReturnsFirstPort()
    {
        int? port = HostPortAllocator.Allocate(20000, 20009, new HashSet<int>(), _ => true);

        port.Should().Be(20000);
    }

    [Fact]
    public void Allocate_RecordedPorts_AreSkipped()
    {
        int? port = HostPortAllocator.Allocate(20000, 20009, new HashSet<int> { 20000, 20001, 20003 }, _ => true);

        port.Should().Be(20002);
    }

    [Fact]
    public void Allocate_PortTakenOnHost_IsSkipped()
    {
        int? port = HostPortAllocator.Allocate(20000, 20009, new HashSet<int> { 20000 }, candidate => candidate != 20001);

        port.Should().Be(20002);
    }

    [Fact]
    public void Allocate_RangeExhausted_ReturnsNull()
    {
        int? port = HostPortAllocator.Allocate(20000, 20001, new HashSet<int> { 20000 }, candidate => candidate != 20001);

        port.Should().BeNull();
    }
}
