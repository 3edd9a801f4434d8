using GbOperator.Controllers.GitRepositories;

namespace GbOperator.Controllers.Tests.GitRepositories;

public sealed class ManifestFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gbo-manifest-folder-").FullName;

    [Fact]
    public void Read_UnclosedFlowMapping_ReportsInvalidYamlOnce()
    {
        Directory.CreateDirectory(Path.Combine(_root, "clusters"));
        File.WriteAllText(Path.Combine(_root, "clusters", "gs-3.yaml"),
            "apiVersion: generalbots.ai/v1alpha1\nkind: BotCluster\nmetadata: {name: gs-3\nspec:\n  image: botserver-standin\n");

        var result = ManifestFolder.Read(_root, "clusters", "default");

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Should().StartWith("clusters/gs-3.yaml:");
        error.Should().Contain(": invalid YAML: ");
        error.Split("invalid YAML").Should().HaveCount(2, "the prefix appears once");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
