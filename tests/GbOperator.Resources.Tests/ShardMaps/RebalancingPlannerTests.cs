using GbOperator.Resources.ShardMaps;

namespace GbOperator.Resources.Tests.ShardMaps;

public class RebalancingPlannerTests
{
    [Fact]
    public void Plan_TenantChangesShard_ListsTenantMove()
    {
        var before = ShardMapSpecs.Tenants(("acme", "shard1"), ("globex", null), ("initech", "shard2"));
        var after = ShardMapSpecs.Tenants(("acme", "shard2"), ("globex", "shard2"), ("initech", "shard2"), ("umbrella", null));

        var plan = RebalancingPlanner.Plan(before, after);

        plan.Moves.Should().ContainSingle();
        plan.Moves[0].From.Should().Be("shard1");
        plan.Moves[0].To.Should().Be("shard2");
        plan.Moves[0].Tenants.Should().Equal("acme", "globex");
        plan.Note.Should().BeNull();
    }

    [Fact]
    public void Plan_RangeSplit_ListsMovedStretch()
    {
        var before = ShardMapSpecs.Range("0-999999:shard1,1000000-:shard2");
        var after = ShardMapSpecs.Range("0-499999:shard1,500000-1999999:shard2,2000000-:shard3");

        var plan = RebalancingPlanner.Plan(before, after);

        plan.Moves.Should().HaveCount(2);
        plan.Moves[0].Should().Match<ShardMove>(move => move.From == "shard1" && move.To == "shard2");
        plan.Moves[0].Ranges.Should().Equal("500000-999999");
        plan.Moves[1].Should().Match<ShardMove>(move => move.From == "shard2" && move.To == "shard3");
        plan.Moves[1].Ranges.Should().Equal("2000000-");
    }

    [Fact]
    public void Plan_GeoRegionAndDefaultChange_ListsRegions()
    {
        var before = ShardMapSpecs.Geo(new Dictionary<string, string> { ["eu"] = "shard1", ["us"] = "shard2" }, "shard2");
        var after = ShardMapSpecs.Geo(new Dictionary<string, string> { ["eu"] = "shard3", ["us"] = "shard2", ["asia"] = "shard3" }, "shard1");

        var plan = RebalancingPlanner.Plan(before, after);

        plan.Moves.Select(move => (move.From, move.To, string.Join(",", move.Regions))).Should().Equal(
            ("shard1", "shard3", "eu"),
            ("shard2", "shard1", "*"),
            ("shard2", "shard3", "asia"));
    }

    [Fact]
    public void Plan_StrategyChange_AddsNote()
    {
        var plan = RebalancingPlanner.Plan(ShardMapSpecs.Hash(3, HashAlgorithm.Modulo), ShardMapSpecs.Range("0-:shard1"));

        plan.Note.Should().Contain("from hash to range");
        plan.IsEmpty.Should().BeFalse();
    }

    [Fact]
    public void Plan_AlgorithmChange_EstimatesShareFromSample()
    {
        var plan = RebalancingPlanner.Plan(ShardMapSpecs.Hash(4, HashAlgorithm.Modulo), ShardMapSpecs.Hash(4, HashAlgorithm.Consistent));

        plan.Moves.Sum(move => move.KeyShare ?? 0).Should().BeInRange(0.6, 0.9);
    }
}
