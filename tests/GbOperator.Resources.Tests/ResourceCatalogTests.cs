using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using GbOperator.Resources.ShardMaps;

namespace GbOperator.Resources.Tests;

public class ResourceCatalogTests
{
    [Theory]
    [InlineData("BotCluster", typeof(BotCluster))]
    [InlineData("botclusters", typeof(BotCluster))]
    [InlineData("botcluster", typeof(BotCluster))]
    [InlineData("bc", typeof(BotCluster))]
    [InlineData("BC", typeof(BotCluster))]
    [InlineData("shardmaps", typeof(ShardMap))]
    [InlineData("sm", typeof(ShardMap))]
    [InlineData("FailoverPolicy", typeof(FailoverPolicy))]
    [InlineData("failoverpolicies", typeof(FailoverPolicy))]
    [InlineData("fp", typeof(FailoverPolicy))]
    public void Find_KnownName_ReturnsKind(string name, Type type)
    {
        ResourceCatalog.Find(name)!.ResourceType.Should().Be(type);
    }

    [Theory]
    [InlineData("pods")]
    [InlineData("")]
    [InlineData("botclusterz")]
    public void Find_UnknownName_ReturnsNull(string name)
    {
        ResourceCatalog.Find(name).Should().BeNull();
    }

    [Fact]
    public void All_Always_ListsKindsInDiscoveryOrder()
    {
        ResourceCatalog.All.Select(kind => kind.Kind).Should().Equal("BotCluster", "ShardMap", "FailoverPolicy", "GitRepository", "ApplySet");
        ResourceCatalog.All.Select(kind => kind.Plural).Should().Equal("botclusters", "shardmaps", "failoverpolicies", "gitrepositories", "applysets");
    }

    [Fact]
    public void All_KindNames_MatchTypes()
    {
        foreach (var kind in ResourceCatalog.All)
        {
            var instance = (Resource)Activator.CreateInstance(kind.ResourceType)!;

            instance.Kind.Should().Be(kind.Kind);
            instance.ApiVersion.Should().Be("generalbots.ai/v1alpha1");
        }
    }

    [Fact]
    public void PrinterColumns_Always_EndWithAgeDate()
    {
        foreach (var kind in ResourceCatalog.All)
        {
            kind.PrinterColumns[^1].Should().Be(new PrinterColumn("Age", "date", ".metadata.creationTimestamp"));
        }
    }

    [Fact]
    public void BotClusterColumns_DefaultView_MatchKubectlLayout()
    {
        ResourceCatalog.BotClusters.PrinterColumns.Where(c => c.Priority == 0).Select(c => c.Name)
            .Should().Equal("Replicas", "Ready", "Image", "Status", "Age");
    }

    [Fact]
    public void PrinterColumns_Types_AreKubernetesTypes()
    {
        foreach (var kind in ResourceCatalog.All)
        {
            kind.PrinterColumns.Select(c => c.Name).Should().OnlyHaveUniqueItems();
            kind.PrinterColumns.Select(c => c.Type).Should().OnlyContain(t => new[] { "integer", "number", "string", "boolean", "date" }.Contains(t));
        }
    }

    [Fact]
    public void Key_NamespaceAndName_FollowsRegistryLayout()
    {
        ResourceCatalog.BotClusters.Key("default", "demo").Should().Be("/registry/generalbots.ai/botclusters/default/demo");
        ResourceCatalog.ShardMaps.QualifiedName.Should().Be("shardmaps.generalbots.ai");
    }
}
