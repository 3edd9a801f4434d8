namespace GbOperator.Controllers.GitRepositories;

/// <summary>The result of one reconcile pass, as status records it.</summary>
/// <param name="Reason">The <c>Ready</c> condition's reason, such as <c>Synced</c> or <c>InvalidManifests</c>.</param>
/// <param name="Message">The <c>Ready</c> condition's message.</param>
/// <param name="Commit">The fetched commit, or <c>null</c> when the fetch failed.</param>
/// <param name="Error">The error for <c>status.lastError</c>, or <c>null</c> on success.</param>
/// <param name="Applied">The objects now owned, or <c>null</c> when nothing was applied and the inventory stays.</param>
internal sealed record SyncReport(string Reason, string Message, string? Commit, string? Error, IReadOnlyList<SourceObject>? Applied)
{
    public const string Synced = "Synced";
    public const string FetchFailed = "FetchFailed";
    public const string BranchNotFound = "BranchNotFound";
    public const string PathNotFound = "PathNotFound";
    public const string NoManifests = "NoManifests";
    public const string InvalidManifests = "InvalidManifests";
    public const string ApplyFailed = "ApplyFailed";
    public const string PruneRejected = "PruneRejected";
    public const string Suspended = "Suspended";

    /// <summary>Whether the sync pruned objects or set changed fields back.</summary>
    public bool Changed { get; init; }

    public bool Succeeded => Error is null;

    public bool FetchSucceeded => Commit is not null;
}
