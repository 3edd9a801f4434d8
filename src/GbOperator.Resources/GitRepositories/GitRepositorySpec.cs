using GbOperator.Resources.ApplySets;

namespace GbOperator.Resources.GitRepositories;

/// <summary>Desired state of a <see cref="GitRepository"/>: where the manifests are and how they are applied.</summary>
public sealed record GitRepositorySpec
{
    /// <summary>
    /// The repository: an <c>https://</c>, <c>http://</c>, <c>ssh://</c>, <c>git://</c> or <c>file://</c> URL, or an
    /// absolute path of a repository on the operator's machine.
    /// </summary>
    public string Url { get; init; } = "";

    /// <summary>Branch to follow.</summary>
    /// <value>main.</value>
    public string Branch { get; init; } = "main";

    /// <summary>Folder of the manifests inside the repository, relative to its root; subfolders are read too.</summary>
    /// <value><c>.</c>, the root.</value>
    public string Path { get; init; } = ".";

    /// <summary>Time between two fetches, and so the longest time a change by hand stays before the sync repairs it.</summary>
    /// <value>1m.</value>
    public string Interval { get; init; } = "1m";

    /// <summary>Whether objects whose manifests left the folder are deleted.</summary>
    /// <value>false.</value>
    public bool Prune { get; init; }

    /// <summary>The largest share of the applied objects, in percent, that one sync may prune.</summary>
    /// <value>50.</value>
    public int MaxPrunePercent { get; init; } = PruneDecision.DefaultMaxPrunePercent;

    /// <summary>Whether to prune even when the folder is empty or more than <see cref="MaxPrunePercent"/> would go.</summary>
    /// <value>false.</value>
    public bool ForcePrune { get; init; }

    /// <summary>Whether syncing is paused; objects already applied are left as they are.</summary>
    /// <value>false.</value>
    public bool Suspend { get; init; }
}
