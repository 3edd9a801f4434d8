using GbOperator.Resources.ShardMaps;

namespace GbOperator.Resources.Tests.ShardMaps;

public class HashRebalancingTests
{
    private const int KeyCount = 20_000;

    [Fact]
    public void Consistent_FourToFive_MovesAboutAFifth()
    {
        var moved = MovedShare(ShardMapSpecs.Hash(4, HashAlgorithm.Consistent), ShardMapSpecs.Hash(5, HashAlgorithm.Consistent));

        moved.Should().BeInRange(0.14, 0.26);
    }

    [Fact]
    public void Consistent_FourToFive_MovesOnlyToNewShard()
    {
        var before = ShardResolver.Create(ShardMapSpecs.Hash(4, HashAlgorithm.Consistent));
        var after = ShardResolver.Create(ShardMapSpecs.Hash(5, HashAlgorithm.Consistent));

        var targets = ShardMapSpecs.RandomKeys(KeyCount, seed: 3)
            .Where(key => before.Resolve(key).Shard != after.Resolve(key).Shard)
            .Select(key => after.Resolve(key).Shard)
            .Distinct();

        targets.Should().Equal("shard5");
    }

    [Fact]
    public void Modulo_FourToFiveShards_MovesMostKeys()
    {
        var moved = MovedShare(ShardMapSpecs.Hash(4, HashAlgorithm.Modulo), ShardMapSpecs.Hash(5, HashAlgorithm.Modulo));

        moved.Should().BeGreaterThan(0.7);
    }

    [Theory]
    [InlineData(HashAlgorithm.Modulo)]
    [InlineData(HashAlgorithm.Consistent)]
    public void Planner_FourToFiveShards_AgreesWithSampledKeys(string algorithm)
    {
        var before = ShardMapSpecs.Hash(4, algorithm);
        var after = ShardMapSpecs.Hash(5, algorithm);

        var plan = RebalancingPlanner.Plan(before, after);
        var planned = plan.Moves.Sum(move => move.KeyShare ?? 0);

        planned.Should().BeApproximately(MovedShare(before, after), 0.03);
        plan.Moves.Should().OnlyContain(move => move.From != move.To && move.KeyShare > 0);
    }

    [Fact]
    public void Planner_ModuloFourToFive_ExactShares()
    {
        var plan = RebalancingPlanner.Plan(ShardMapSpecs.Hash(4, HashAlgorithm.Modulo), ShardMapSpecs.Hash(5, HashAlgorithm.Modulo));

        plan.Moves.Sum(move => move.KeyShare!.Value).Should().BeApproximately(0.8, 1e-9);
        plan.Moves.Single(move => move.From == "shard1" && move.To == "shard5").KeyShare.Should().BeApproximately(0.05, 1e-9);
    }

    [Fact]
    public void Planner_SameHashMap_PlansNothing()
    {
        var spec = ShardMapSpecs.Hash(4, HashAlgorithm.Consistent);

        RebalancingPlanner.Plan(spec, spec).IsEmpty.Should().BeTrue();
    }

    private static double MovedShare(ShardMapSpec before, ShardMapSpec after)
    {
        var old = ShardResolver.Create(before);
        var updated = ShardResolver.Create(after);
        var keys = ShardMapSpecs.RandomKeys(KeyCount, seed: 42);
        return keys.Count(key => old.Resolve(key).Shard != updated.Resolve(key).Shard) / (double)keys.Count;
    }
}
