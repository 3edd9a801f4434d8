using GbOperator.Resources.ApplySets;

namespace GbOperator.Resources.Tests.ApplySets;

public class ApplySetLabelsTests
{
    [Fact]
    public void ParentId_IsValidLabelValue()
    {
        var id = ApplySetLabels.ParentId("ApplySet", "default", "bots");

        id.Should().MatchRegex("^applyset-[A-Za-z0-9_-]{43}-v1$");
        id.Length.Should().BeLessThanOrEqualTo(63);
    }

    [Fact]
    public void ParentId_DiffersByNamespaceAndKind()
    {
        var id = ApplySetLabels.ParentId("ApplySet", "default", "bots");

        ApplySetLabels.ParentId("ApplySet", "default", "bots").Should().Be(id);
        ApplySetLabels.ParentId("ApplySet", "other", "bots").Should().NotBe(id);
        ApplySetLabels.ParentId("GitRepository", "default", "bots").Should().NotBe(id);
    }

    [Fact]
    public void ParseGroupKinds_SkipsUnknownKinds()
    {
        var kinds = ApplySetLabels.ParseGroupKinds("BotCluster.generalbots.ai, ConfigMap,ShardMap.generalbots.ai");

        kinds.Select(kind => kind.Kind).Should().Equal("BotCluster", "ShardMap");
    }
}
