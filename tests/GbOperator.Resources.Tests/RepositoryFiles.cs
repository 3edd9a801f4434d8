namespace GbOperator.Resources.Tests;

/// <summary>Paths of the files under test in the repository that contains the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string CrdDirectory => Path.Combine(Root, "crds");

    public static string ManifestsDirectory => Path.Combine(Root, "manifests");

    public static string ExamplesDirectory => Path.Combine(ManifestsDirectory, "examples");

    public static string GitOpsDirectory => Path.Combine(ManifestsDirectory, "gitops");

    public static string CrdPath(ResourceKind kind) => Path.Combine(CrdDirectory, $"{kind.QualifiedName}.yaml");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GbOperator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"GbOperator.sln not found above {AppContext.BaseDirectory}");
    }
}
