namespace GbOperator.Resources.GitRepositories;

/// <summary>Observed state of a <see cref="GitRepository"/>.</summary>
public sealed record GitRepositoryStatus : ResourceStatus
{
    /// <summary>Commit whose manifests are applied, as a full hash.</summary>
    public string? LastAppliedCommit { get; init; }

    /// <summary>Commit of the last sync attempt, which differs from <see cref="LastAppliedCommit"/> while that commit fails.</summary>
    public string? LastAttemptedCommit { get; init; }

    /// <summary>When the last sync attempt ended.</summary>
    public DateTime? LastSyncTime { get; init; }

    /// <summary>The error of the last sync attempt, such as a file and line with invalid YAML; absent after a success.</summary>
    public string? LastError { get; init; }

    /// <summary>The objects the repository applied and owns.</summary>
    public IReadOnlyList<InventoryEntry>? Inventory { get; init; }
}
