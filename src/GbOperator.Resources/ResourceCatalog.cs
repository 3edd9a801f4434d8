using GbOperator.Resources.ApplySets;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using GbOperator.Resources.GitRepositories;
using GbOperator.Resources.ShardMaps;

namespace GbOperator.Resources;

/// <summary>The kinds GbOperator serves, looked up by kind, plural, singular or short name.</summary>
public static class ResourceCatalog
{
    private const string ReadyConditionStatus = ".status.conditions[?(@.type==\"Ready\")].status";

    private static readonly PrinterColumn AgeColumn = new("Age", "date", ".metadata.creationTimestamp");

    /// <summary>The BotCluster kind.</summary>
    public static ResourceKind BotClusters { get; } = new(
        BotCluster.KindName,
        "botclusters",
        "botcluster",
        ["bc"],
        typeof(BotCluster),
        [
            new("Replicas", "integer", ".spec.replicas"),
            new("Ready", "integer", ".status.readyReplicas"),
            new("Image", "string", ".spec.image"),
            new("Status", "string", ReadyConditionStatus),
            new("Host", "string", ".spec.routing.host", Priority: 1),
            AgeColumn,
        ]);

    /// <summary>The ShardMap kind.</summary>
    public static ResourceKind ShardMaps { get; } = new(
        ShardMap.KindName,
        "shardmaps",
        "shardmap",
        ["sm"],
        typeof(ShardMap),
        [
            new("Strategy", "string", ".spec.strategy"),
            new("Status", "string", ReadyConditionStatus),
            new("Redis", "string", ".spec.redis.mode", Priority: 1),
            AgeColumn,
        ]);

    /// <summary>The FailoverPolicy kind.</summary>
    public static ResourceKind FailoverPolicies { get; } = new(
        FailoverPolicy.KindName,
        "failoverpolicies",
        "failoverpolicy",
        ["fp"],
        typeof(FailoverPolicy),
        [
            new("Primary", "string", ".status.primary"),
            new("Cache-Master", "string", ".status.cacheMaster"),
            new("Status", "string", ReadyConditionStatus),
            new("Scope", "string", ".spec.patroni.scope", Priority: 1),
            AgeColumn,
        ]);

    /// <summary>The GitRepository kind.</summary>
    public static ResourceKind GitRepositories { get; } = new(
        GitRepository.KindName,
        "gitrepositories",
        "gitrepository",
        ["gitrepo"],
        typeof(GitRepository),
        [
            new("URL", "string", ".spec.url"),
            new("Commit", "string", ".status.lastAppliedCommit"),
            new("Status", "string", ReadyConditionStatus),
            new("Branch", "string", ".spec.branch", Priority: 1),
            new("Path", "string", ".spec.path", Priority: 1),
            AgeColumn,
        ]);

    /// <summary>The ApplySet kind, the parent record of a set of objects that <c>gbctl apply --prune</c> owns.</summary>
    public static ResourceKind ApplySets { get; } = new(
        ApplySet.KindName,
        "applysets",
        "applyset",
        [],
        typeof(ApplySet),
        [AgeColumn]);

    /// <summary>Every served kind, in discovery order.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } = [BotClusters, ShardMaps, FailoverPolicies, GitRepositories, ApplySets];

    /// <summary>Category that API discovery advertises for every served kind, so <c>kubectl get gb</c> lists them all.</summary>
    public const string Category = "gb";

    /// <summary>Finds the kinds of the category <paramref name="name"/>, ignoring case, in discovery order; empty when no kind has that category.</summary>
    public static IReadOnlyList<ResourceKind> FindCategory(string name) =>
        string.Equals(name, Category, StringComparison.OrdinalIgnoreCase) ? All : [];

    /// <summary>Finds a kind by kind name, plural, singular or short name, ignoring case; <c>null</c> when unknown.</summary>
    public static ResourceKind? Find(string name) =>
        All.FirstOrDefault(kind =>
            string.Equals(kind.Kind, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(kind.Plural, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(kind.Singular, name, StringComparison.OrdinalIgnoreCase)
            || kind.ShortNames.Any(shortName => string.Equals(shortName, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Finds a kind by its exact, case-sensitive kind name, as the <c>kind</c> field carries it, or <c>null</c> when unknown.</summary>
    public static ResourceKind? FindByKind(string kind) =>
        All.FirstOrDefault(candidate => candidate.Kind == kind);
}
