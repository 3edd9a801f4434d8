namespace Gbctl.Tests.Support;

/// <summary>Locates files of this repository from the test binaries.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that contains <c>GbOperator.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The folder of the example manifests.</summary>
    public static string Examples => Path.Combine(Root, "manifests", "examples");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GbOperator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"GbOperator.sln not found above {AppContext.BaseDirectory}.");
    }
}
