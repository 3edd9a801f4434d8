namespace GbOperator.Controllers.GitRepositories;

/// <summary>Settings of the GitRepository reconciler.</summary>
public sealed record GitRepositoryReconcilerOptions
{
    /// <summary>Folder of the repository clones, one subfolder per GitRepository.</summary>
    public required string CacheFolder { get; init; }

    /// <summary>
    /// Field managers whose fields a sync never takes over: an apply that conflicts with one of them is reported in
    /// status instead of being forced.
    /// </summary>
    /// <value>gb-autoscaler, the manager of the autoscaler's replica counts.</value>
    public IReadOnlySet<string> ProtectedFieldManagers { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "gb-autoscaler" };
}
