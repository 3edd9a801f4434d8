using GbOperator.Controllers.BotClusters;
using GbOperator.Controllers.Events;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Git;
using GbOperator.Resources;
using GbOperator.Resources.GitRepositories;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.GitRepositories;

/// <summary>
/// Keeps the objects of a Git repository folder applied: fetches the branch, validates every manifest of the
/// commit, applies them all with server-side apply, prunes what left the folder, and records the result in status.
/// </summary>
/// <remarks>
/// A pass runs when the spec changed or <c>spec.interval</c> has passed since the last sync, so each interval
/// also repairs drift on an unchanged commit. A commit with any invalid manifest applies nothing, and the objects
/// of the last good commit stay. Fetch and manifest failures are recorded in status and retried at the next
/// interval rather than through the controller's backoff, because only a new commit or a spec change fixes them.
/// </remarks>
public sealed class GitRepositoryReconciler : IReconciler<GitRepository>
{
    private const int MaxReportedErrors = 20;

    private readonly IResourceClient<GitRepository> _repositories;
    private readonly RepositorySync _sync;
    private readonly GitRepositoryReconcilerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly IEventRecorder _events;

    public GitRepositoryReconciler(
        IResourceClient<GitRepository> repositories,
        HttpClient apiClient,
        GitRepositoryReconcilerOptions options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IEventRecorder? events = null)
    {
        _repositories = repositories;
        _events = events ?? NullEventRecorder.Instance;
        _options = options;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<GitRepositoryReconciler>();
        _sync = new RepositorySync(new ApplyClient(apiClient), options.ProtectedFieldManagers, _logger);
    }

    /// <inheritdoc/>
    public async Task<ReconcileResult> ReconcileAsync(GitRepository resource, CancellationToken cancellationToken)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["GitRepository"] = $"{resource.Metadata.NamespaceProperty}/{resource.Metadata.Name}",
            ["Generation"] = resource.Metadata.Generation,
        });
        var interval = Duration.Parse(resource.Spec.Interval);
        var now = _timeProvider.GetUtcNow();

        // A suspended repository keeps its objects as they are.
        if (resource.Spec.Suspend)
        {
            if (resource.Status?.Conditions?.Any(condition => condition.Type == "Ready" && condition.Reason == SyncReport.Suspended) != true)
            {
                await WriteStatusAsync(resource, new SyncReport(SyncReport.Suspended, "syncing is suspended; the objects stay as last applied", null, null, null), now, cancellationToken);
            }

            return ReconcileResult.Done();
        }

        // Our own status write and resyncs come back here; only a spec change or the interval starts a sync.
        if (resource.Status is { LastSyncTime: { } lastSync } status && status.ObservedGeneration == resource.Metadata.Generation)
        {
            var next = new DateTimeOffset(DateTime.SpecifyKind(lastSync, DateTimeKind.Utc)) + interval;
            if (next > now)
            {
                return ReconcileResult.RequeueAfter(next - now);
            }
        }

        var report = await SyncAsync(resource, cancellationToken);
        RecordEvent(resource, report);
        await WriteStatusAsync(resource, report, _timeProvider.GetUtcNow(), cancellationToken);
        return ReconcileResult.RequeueAfter(interval);
    }

    /// <inheritdoc/>
    public Task<ReconcileResult> DeletedAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var folder = CacheFolder(key.Namespace, key.Name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.FromResult(ReconcileResult.Done());
    }

    private async Task<SyncReport> SyncAsync(GitRepository resource, CancellationToken cancellationToken)
    {
        var spec = resource.Spec;
        var @namespace = resource.Metadata.NamespaceProperty!;

        // Fetch the branch's latest commit.
        var checkout = new GitCheckout(CacheFolder(@namespace, resource.Metadata.Name!), _loggerFactory.CreateLogger<GitCheckout>());
        string commit;
        try
        {
            commit = await checkout.FetchAsync(spec.Url, spec.Branch, cancellationToken);
        }
        catch (GitException exception)
        {
            GitRepositoryLog.FetchFailed(_logger, exception.Message);
            var reason = exception.Failure == GitFailure.BranchNotFound ? SyncReport.BranchNotFound : SyncReport.FetchFailed;
            return new SyncReport(reason, exception.Message, null, exception.Message, null);
        }

        // Read and validate every manifest before applying any.
        var folder = ManifestFolder.Read(checkout.Folder, spec.Path, @namespace);
        if (folder.Errors.Count > 0)
        {
            var reason = folder.FolderMissing ? SyncReport.PathNotFound : SyncReport.InvalidManifests;
            var error = string.Join("; ", folder.Errors.Take(MaxReportedErrors));
            GitRepositoryLog.CommitRejected(_logger, commit, error);
            return new SyncReport(reason, $"nothing from commit {commit} was applied: {error}", commit, error, null);
        }

        if (folder.Objects.Count == 0 && !(spec.Prune && spec.ForcePrune))
        {
            var error = $"the folder \"{spec.Path}\" of commit {commit} contains no .yaml, .yml or .json manifests";
            GitRepositoryLog.CommitRejected(_logger, commit, error);
            return new SyncReport(SyncReport.NoManifests, error + "; nothing was applied or pruned", commit, error, null);
        }

        // Apply, then prune.
        var outcome = await _sync.SyncAsync(resource, folder.Objects, cancellationToken);
        if (outcome.Errors.Count > 0)
        {
            var error = string.Join("; ", outcome.Errors.Take(MaxReportedErrors));
            GitRepositoryLog.CommitRejected(_logger, commit, error);
            return new SyncReport(SyncReport.ApplyFailed, $"applying commit {commit} failed: {error}", commit, error, null);
        }

        if (outcome.PruneRejection is not null)
        {
            GitRepositoryLog.PruneRejected(_logger, outcome.PruneRejection);
            return new SyncReport(SyncReport.PruneRejected, $"commit {commit} was applied, but {outcome.PruneRejection}", commit, outcome.PruneRejection, folder.Objects);
        }

        GitRepositoryLog.Synced(_logger, folder.Objects.Count, commit);
        var message = $"applied {folder.Objects.Count} objects from commit {commit}, pruned {outcome.Pruned}, repaired {outcome.Repaired}";
        return new SyncReport(SyncReport.Synced, message, commit, null, folder.Objects) { Changed = outcome.Pruned > 0 || outcome.Repaired > 0 };
    }

    /// <summary>Records a Warning for a failed sync, and a Normal event when a sync applied a new commit or changed objects.</summary>
    private void RecordEvent(GitRepository resource, SyncReport report)
    {
        if (!report.Succeeded)
        {
            _events.Warning(resource, report.Reason, report.Message);
            return;
        }

        if (report.Commit != resource.Status?.LastAppliedCommit || report.Changed)
        {
            _events.Normal(resource, report.Reason, report.Message);
        }
    }

    private async Task WriteStatusAsync(GitRepository resource, SyncReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previous = resource.Status;
        var generation = resource.Metadata.Generation;
        var conditions = new ConditionSet(previous?.Conditions, generation, now)
            .Set("Ready", report.Succeeded && report.Reason == SyncReport.Synced, report.Reason, report.Message);
        if (report.Reason != SyncReport.Suspended)
        {
            conditions.Set("FetchFailed", !report.FetchSucceeded, report.FetchSucceeded ? "Fetched" : report.Reason, report.FetchSucceeded ? $"fetched commit {report.Commit}" : report.Message);
        }

        if (report.FetchSucceeded)
        {
            conditions.Set("ApplyFailed", report.Reason != SyncReport.Synced, report.Reason, report.Message);
        }

        var inventory = report.Applied?
            .Select(source => new InventoryEntry { Kind = source.Kind.Kind, Namespace = source.Namespace, Name = source.Name })
            .ToList();
        var status = new GitRepositoryStatus
        {
            ObservedGeneration = generation,
            Conditions = conditions.Conditions,
            LastAppliedCommit = report.Applied is not null ? report.Commit : previous?.LastAppliedCommit,
            LastAttemptedCommit = report.Commit ?? previous?.LastAttemptedCommit,
            LastSyncTime = report.Reason == SyncReport.Suspended ? previous?.LastSyncTime : now.UtcDateTime,
            LastError = report.Error,
            Inventory = (IReadOnlyList<InventoryEntry>?)inventory ?? previous?.Inventory,
        };
        await _repositories.UpdateStatusAsync(resource with { Status = status }, cancellationToken);
    }

    private string CacheFolder(string @namespace, string name) => Path.Combine(_options.CacheFolder, @namespace, name);
}
