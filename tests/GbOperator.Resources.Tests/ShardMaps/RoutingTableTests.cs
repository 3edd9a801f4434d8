using System.Text.Json.Nodes;
using GbOperator.Resources.ShardMaps;
using k8s.Models;

namespace GbOperator.Resources.Tests.ShardMaps;

public class RoutingTableTests
{
    [Fact]
    public void Build_SameSpec_SameVersionAndContent()
    {
        var first = RoutingTable.Build(Map(ShardMapSpecs.Hash(4, HashAlgorithm.Consistent), generation: 1));
        var second = RoutingTable.Build(Map(ShardMapSpecs.Hash(4, HashAlgorithm.Consistent), generation: 7));

        second.Version.Should().Be(first.Version);
        second.Content.Should().Equal(first.Content);
    }

    [Fact]
    public void Build_ChangedShardCount_NewVersion()
    {
        var before = RoutingTable.Build(Map(ShardMapSpecs.Hash(4, HashAlgorithm.Consistent), generation: 1));
        var after = RoutingTable.Build(Map(ShardMapSpecs.Hash(5, HashAlgorithm.Consistent), generation: 2));

        after.Version.Should().NotBe(before.Version);
    }

    [Fact]
    public void Build_TenantMap_ListsTenantDatabases()
    {
        var table = RoutingTable.Build(Map(ShardMapSpecs.Tenants(("acme-eu", "shard2")), generation: 1));

        var json = JsonNode.Parse(table.Content)!.AsObject();
        json["version"]!.GetValue<string>().Should().Be(table.Version);
        json["strategy"]!.GetValue<string>().Should().Be("tenant");
        json["shards"]!.AsArray().Should().HaveCount(2);
        json["tenants"]![0]!["database"]!.GetValue<string>().Should().Be("gb_tenant_acme_eu");
        json["tenants"]![0]!["shard"]!.GetValue<string>().Should().Be("shard2");
    }

    private static ShardMap Map(ShardMapSpec spec, long generation) => new()
    {
        Metadata = new V1ObjectMeta { Name = "main", NamespaceProperty = "default", Generation = generation },
        Spec = spec,
    };
}
