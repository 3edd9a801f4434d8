using GbOperator.Infrastructure.Redis;

namespace GbOperator.Infrastructure.Tests.Redis;

public class RedisClusterInspectorTests
{
    // CLUSTER NODES of Redis 7.0 on a three-master cluster whose second master stopped, as node 1 reported it.
    private const string NodesWithFailedMaster = """
        728f0949373b389eeb5c0101f034d47f6840660c 127.0.0.1:25907@35907 myself,master - 0 1796424665000 1 connected 0-5460
        32481799d75c20b13bbf7a4c7efecb611761dd81 127.0.0.1:44810@54810 master - 0 1796424665783 3 connected 10923-16383
        fe6edaa9905192afb14b606585d7c6130255a2cd 127.0.0.1:47244@57244 master,fail - 1796424662773 1796424661767 2 disconnected 5461-10922
        """;

    [Fact]
    public void ParseNodes_FailedMaster_ListsFailure()
    {
        var (served, failed) = RedisClusterInspector.ParseNodes(NodesWithFailedMaster);

        served.Should().Be(5461);
        failed.Should().Equal("127.0.0.1:47244");
    }

    [Fact]
    public void ParseNodes_Migrations_CountNoSlot()
    {
        const string nodes = "id1 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-99 200 [300->-id2] [301-<-id3]\n";

        var (served, failed) = RedisClusterInspector.ParseNodes(nodes);

        served.Should().Be(101);
        failed.Should().BeEmpty();
    }

    [Fact]
    public void ParseInfo_CrlfLines_ReadsFields()
    {
        var fields = RedisClusterInspector.ParseInfo("cluster_state:fail\r\ncluster_slots_ok:10922\r\n");

        fields["cluster_state"].Should().Be("fail");
        fields["cluster_slots_ok"].Should().Be("10922");
    }
}
