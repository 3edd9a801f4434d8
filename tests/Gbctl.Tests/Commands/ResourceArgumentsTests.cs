using Gbctl.Cli;
using Gbctl.Commands;

namespace Gbctl.Tests.Commands;

public sealed class ResourceArgumentsTests
{
    [Fact]
    public void Parse_KindAndNames_GroupsNamesUnderKind()
    {
        var requests = ResourceArguments.Parse(["bc", "web", "api"], "get");

        requests.Should().ContainSingle();
        requests[0].Kind.Kind.Should().Be("BotCluster");
        requests[0].Names.Should().Equal("web", "api");
    }

    [Fact]
    public void Parse_CommaSeparatedKinds_ReturnsEachKind()
    {
        var requests = ResourceArguments.Parse(["bc,sm,fp"], "get");

        requests.Select(r => r.Kind.Kind).Should().Equal("BotCluster", "ShardMap", "FailoverPolicy");
        requests.Should().AllSatisfy(r => r.Names.Should().BeEmpty());
    }

    [Fact]
    public void Parse_SlashedForm_GroupsByKind()
    {
        var requests = ResourceArguments.Parse(["bc/web", "sm/main", "bc/api"], "get");

        requests.Should().HaveCount(2);
        requests[0].Names.Should().Equal("web", "api");
        requests[1].Kind.Kind.Should().Be("ShardMap");
        requests[1].Names.Should().Equal("main");
    }

    [Fact]
    public void Parse_MixedForms_Throws()
    {
        var act = () => ResourceArguments.Parse(["bc", "sm/main"], "get");

        act.Should().Throw<CliException>().WithMessage("*resource/name form*");
    }

    [Fact]
    public void Parse_NoArguments_ListsKnownTypes()
    {
        var act = () => ResourceArguments.Parse([], "describe");

        act.Should().Throw<CliException>().WithMessage("*gbctl describe bc*botclusters (bc)*shardmaps (sm)*failoverpolicies (fp)*");
    }

    [Fact]
    public void Parse_UnknownKind_NamesIt()
    {
        var act = () => ResourceArguments.Parse(["pods"], "get");

        act.Should().Throw<CliException>().WithMessage("the server doesn't have a resource type \"pods\"*");
    }
}
