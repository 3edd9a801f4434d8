using GbOperator.Controllers.BotClusters;

namespace GbOperator.Controllers.Tests.BotClusters;

public class InstanceNamesTests
{
    [Theory]
    [InlineData("demo", "demo-")]
    [InlineData("my.bot", "my-bot-")]
    [InlineData("1st", "gb-1st-")]
    public void Generate_ClusterName_GivesValidLxdName(string cluster, string prefix)
    {
        string name = InstanceNames.Generate(cluster, new Random(1));

        name.Should().StartWith(prefix);
        name.Should().MatchRegex("^[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    }

    [Fact]
    public void Generate_LongClusterName_StaysWithinLxdLimit()
    {
        string name = InstanceNames.Generate(new string('a', 200), new Random(1));

        name.Length.Should().BeLessThanOrEqualTo(63);
    }
}
