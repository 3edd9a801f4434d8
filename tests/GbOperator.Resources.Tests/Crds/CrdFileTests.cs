using System.Text.Json.Nodes;
using GbOperator.Resources.Crds;

namespace GbOperator.Resources.Tests.Crds;

public class CrdFileTests
{
    /// <summary>Set to 1 to rewrite crds/ from the C# types instead of comparing.</summary>
    private const string UpdateVariable = "GB_UPDATE_CRDS";

    public static TheoryData<string> Kinds() => new(ResourceCatalog.All.Select(kind => kind.Kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CrdFile_Always_MatchesDefinitionBuiltFromTypes(string kindName)
    {
        var kind = ResourceCatalog.Find(kindName)!;
        var built = CustomResourceDefinitionBuilder.Build(kind);
        var path = RepositoryFiles.CrdPath(kind);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, $"# The {kind.Kind} CustomResourceDefinition, generated from the C# types by {nameof(CustomResourceDefinitionBuilder)}.\n"
                + $"# Regenerate with: {UpdateVariable}=1 dotnet test tests/GbOperator.Resources.Tests\n"
                + ManifestWriter.ToYaml(built));
        }

        var file = CrdLoader.Load(kind);

        JsonNode.DeepEquals(file, built).Should().BeTrue(
            $"{path} must equal the definition built from the C# types; regenerate it with {UpdateVariable}=1");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CrdFile_Names_MatchCatalog(string kindName)
    {
        var kind = ResourceCatalog.Find(kindName)!;

        var crd = CrdLoader.Load(kind);

        crd["metadata"]!["name"]!.GetValue<string>().Should().Be($"{kind.Plural}.generalbots.ai");
        crd["spec"]!["group"]!.GetValue<string>().Should().Be(ApiGroup.Name);
        crd["spec"]!["scope"]!.GetValue<string>().Should().Be("Namespaced");
        crd["spec"]!["names"]!["kind"]!.GetValue<string>().Should().Be(kind.Kind);
        crd["spec"]!["names"]!["plural"]!.GetValue<string>().Should().Be(kind.Plural);
        crd["spec"]!["names"]!["singular"]!.GetValue<string>().Should().Be(kind.Singular);
        crd["spec"]!["names"]!["listKind"]!.GetValue<string>().Should().Be(kind.Kind + "List");
        crd["spec"]!["names"]!["shortNames"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(kind.ShortNames);
        CrdLoader.Version(crd)["name"]!.GetValue<string>().Should().Be(ApiGroup.Version);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PrinterColumns_InCrd_EqualCatalog(string kindName)
    {
        var kind = ResourceCatalog.Find(kindName)!;

        var columns = CrdLoader.Version(CrdLoader.Load(kind))["additionalPrinterColumns"]!.AsArray()
            .Select(column => new PrinterColumn(
                column!["name"]!.GetValue<string>(),
                column["type"]!.GetValue<string>(),
                column["jsonPath"]!.GetValue<string>(),
                column["priority"]?.GetValue<int>() ?? 0))
            .ToList();

        columns.Should().Equal(kind.PrinterColumns);
    }

    [Fact]
    public void BotClusterCrd_Subresources_HaveStatusAndScale()
    {
        var version = CrdLoader.Version(CrdLoader.Load(ResourceCatalog.BotClusters));

        var subresources = version["subresources"]!;

        subresources["status"].Should().BeOfType<JsonObject>();
        subresources["scale"]!["specReplicasPath"]!.GetValue<string>().Should().Be(".spec.replicas");
        subresources["scale"]!["statusReplicasPath"]!.GetValue<string>().Should().Be(".status.replicas");
    }

    [Theory]
    [InlineData("ShardMap")]
    [InlineData("FailoverPolicy")]
    public void OtherCrds_Subresources_HaveStatusOnly(string kindName)
    {
        var version = CrdLoader.Version(CrdLoader.Load(ResourceCatalog.Find(kindName)!));

        var subresources = version["subresources"]!.AsObject();

        subresources.Select(pair => pair.Key).Should().Equal("status");
    }

    [Fact]
    public void CrdDirectory_Always_HoldsOneFilePerKind()
    {
        var files = Directory.GetFiles(RepositoryFiles.CrdDirectory, "*.yaml").Select(Path.GetFileName);

        files.Should().BeEquivalentTo(ResourceCatalog.All.Select(kind => $"{kind.QualifiedName}.yaml"));
    }
}
