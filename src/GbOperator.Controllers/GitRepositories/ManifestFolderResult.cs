namespace GbOperator.Controllers.GitRepositories;

/// <summary>The objects of a repository folder, or why they cannot be applied.</summary>
internal sealed record ManifestFolderResult
{
    private ManifestFolderResult(IReadOnlyList<SourceObject> objects, IReadOnlyList<string> errors, bool folderMissing)
    {
        Objects = objects;
        Errors = errors;
        FolderMissing = folderMissing;
    }

    /// <summary>The valid objects; empty when any document failed.</summary>
    public IReadOnlyList<SourceObject> Objects { get; }

    /// <summary>One message per problem, each starting with the file and line.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Whether the folder does not exist at all.</summary>
    public bool FolderMissing { get; }

    public static ManifestFolderResult Valid(IReadOnlyList<SourceObject> objects) => new(objects, [], false);

    public static ManifestFolderResult Invalid(IReadOnlyList<string> errors) => new([], errors, false);

    public static ManifestFolderResult Missing(string error) => new([], [error], true);
}
