namespace GbOperator.Resources.GitRepositories;

/// <summary>A folder of manifests in a Git repository that the operator keeps applied.</summary>
public sealed record GitRepository : Resource<GitRepositorySpec, GitRepositoryStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "GitRepository";

    /// <inheritdoc />
    public override string Kind { get; init; } = KindName;
}
