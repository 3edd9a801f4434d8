using System.Net;
using GbOperator.Controllers.Events;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Patroni;
using GbOperator.Infrastructure.Resilience;
using GbOperator.Infrastructure.Sentinel;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>
/// Finds the current PostgreSQL primary from Patroni and the Redis master from the Sentinels, and writes them to
/// each FailoverPolicy's status, where the BotCluster controller picks them up.
/// </summary>
/// <remarks>
/// <para>
/// A pass reads <c>/cluster</c> from Patroni, confirms the leader on <c>/leader</c>, queries every Sentinel for the
/// master, and writes status and an event for every change. Besides the periodic pass every
/// <c>spec.healthCheck.interval</c>, a change of Patroni's leader key in etcd and a <c>+switch-master</c> message
/// queue a pass at once.
/// </para>
/// <para>The reconciler is not safe for two passes at once: run its controller with one worker.</para>
/// </remarks>
public sealed class FailoverPolicyReconciler : IReconciler<FailoverPolicy>, IAsyncDisposable
{
    /// <summary>Delay of the next pass while a watched backend has no primary, so its return is noticed soon even without a notice.</summary>
    private static readonly TimeSpan OutageInterval = TimeSpan.FromSeconds(1);

    private readonly IResourceClient<FailoverPolicy> _policies;
    private readonly IResourceClient<BotCluster>? _clusters;
    private readonly PolicyBackendCache _backends;
    private readonly IEventRecorder _events;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FailoverPolicyReconciler> _logger;

    /// <summary>Creates the reconciler.</summary>
    /// <param name="policies">Client of the API server's FailoverPolicy resource.</param>
    /// <param name="http">HTTP client for Patroni; it must not have a timeout shorter than the policies' health-check timeout.</param>
    /// <param name="enqueue">Queues a pass for a policy; backend notices call it.</param>
    /// <param name="loggerFactory">Logger factory.</param>
    /// <param name="timeProvider">Clock of status times and breakers; the system clock when <c>null</c>.</param>
    /// <param name="events">Recorder of the events about each policy; none are recorded when <c>null</c>.</param>
    /// <param name="clusters">
    /// Client of the BotCluster resource, to measure <c>lastRepointDuration</c> from the clusters that reference a policy;
    /// it stays empty when <c>null</c>.
    /// </param>
    public FailoverPolicyReconciler(
        IResourceClient<FailoverPolicy> policies,
        HttpClient http,
        Action<ObjectKey> enqueue,
        ILoggerFactory loggerFactory,
        TimeProvider? timeProvider = null,
        IEventRecorder? events = null,
        IResourceClient<BotCluster>? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(enqueue);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        _policies = policies;
        _clusters = clusters;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _events = events ?? NullEventRecorder.Instance;
        _logger = loggerFactory.CreateLogger<FailoverPolicyReconciler>();
        _backends = new PolicyBackendCache(http, enqueue, _timeProvider, loggerFactory);
    }

    /// <inheritdoc/>
    public async Task<ReconcileResult> ReconcileAsync(FailoverPolicy resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["FailoverPolicy"] = $"{resource.Metadata.NamespaceProperty}/{resource.Metadata.Name}",
            ["Uid"] = resource.Metadata.Uid,
            ["Generation"] = resource.Metadata.Generation,
        });

        var backends = await _backends.GetAsync(resource, cancellationToken);

        // Observe both backends, then write what changed.
        var database = await ObserveDatabaseAsync(resource, backends.Patroni, cancellationToken);
        var cache = await ObserveCacheAsync(resource, backends.Sentinel, cancellationToken);
        var circuit = Worst(backends.Patroni?.CircuitState, backends.Sentinel?.CircuitState);
        var status = FailoverPolicyStatusBuilder.Build(resource, database, cache, circuit, _timeProvider.GetUtcNow());

        // Measure the re-pointing once every referencing BotCluster has caught up with the last failover.
        var referencing = await ListReferencingClustersAsync(resource, cancellationToken);
        if (status.LastRepointDuration is null)
        {
            status = status with { LastRepointDuration = RepointDuration.Compute(status, referencing, backends.Patroni is not null, backends.Sentinel is not null) };
            if (status.LastRepointDuration is not null)
            {
                _events.Normal(resource, "Repointed", $"Every BotCluster that uses the policy followed the last failover within {status.LastRepointDuration}");
            }
        }

        RecordChanges(resource, resource.Status, status, database, cache);
        await WriteStatusAsync(resource, status, cancellationToken);

        // While a backend has no primary, poll every second so its return is noticed soon, unless its circuit is open
        // and would fail the calls anyway.
        bool outage = (backends.Patroni is { CircuitState: not BreakerState.Open } && status.Primary is null)
            || (backends.Sentinel is { CircuitState: not BreakerState.Open } && !cache.Available);
        bool repointing = status.LastFailoverTime is not null && status.LastRepointDuration is null && referencing.Count > 0;
        return ReconcileResult.RequeueAfter(outage || repointing ? OutageInterval : PollInterval(resource.Spec));
    }

    /// <inheritdoc/>
    public async Task<ReconcileResult> DeletedAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        await _backends.RemoveAsync(key);
        return ReconcileResult.Done();
    }

    /// <summary>Closes every Patroni watch and Sentinel connection.</summary>
    public ValueTask DisposeAsync() => _backends.DisposeAsync();

    private async Task<DatabaseObservation> ObserveDatabaseAsync(FailoverPolicy policy, PatroniClient? patroni, CancellationToken cancellationToken)
    {
        if (patroni is null)
        {
            return PrimarySelector.Unwatched();
        }

        try
        {
            var cluster = await patroni.GetClusterAsync(cancellationToken);
            bool confirmed = cluster.Leader?.ApiUrl is { } apiUrl && await patroni.IsLeaderAsync(apiUrl, cancellationToken);
            return PrimarySelector.Select(cluster, confirmed, policy.Status, policy.Spec.Patroni.MaximumLagOnFailover);
        }
        catch (PatroniUnavailableException exception)
        {
            // Logged when the outage starts; the condition and its events carry it from then on.
            if (ConditionReason(policy, FailoverPolicyStatusBuilder.DatabaseAvailable) != PrimarySelector.Unreachable)
            {
                FailoverPolicyLog.PatroniUnavailable(_logger, exception.Message);
            }

            return PrimarySelector.Unavailable(exception.Message);
        }
    }

    private async Task<CacheObservation> ObserveCacheAsync(FailoverPolicy policy, SentinelClient? sentinel, CancellationToken cancellationToken)
    {
        if (sentinel is null)
        {
            return CacheMasterSelector.Unwatched();
        }

        try
        {
            var view = await sentinel.GetMasterViewAsync(cancellationToken);
            return CacheMasterSelector.Select(view, policy.Spec.Sentinel.Quorum, policy.Status?.CacheMaster);
        }
        catch (SentinelUnavailableException exception)
        {
            if (ConditionReason(policy, FailoverPolicyStatusBuilder.CacheAvailable) != CacheMasterSelector.Unreachable)
            {
                FailoverPolicyLog.SentinelsUnavailable(_logger, exception.Message);
            }

            return CacheMasterSelector.Unavailable(exception.Message);
        }
    }

    private async Task<IReadOnlyList<BotCluster>> ListReferencingClustersAsync(FailoverPolicy policy, CancellationToken cancellationToken)
    {
        if (_clusters is null)
        {
            return [];
        }

        var list = await _clusters.ListAsync(policy.Metadata.NamespaceProperty, cancellationToken);
        return list.Items.Where(cluster => cluster.Spec.FailoverPolicyRef?.Name == policy.Metadata.Name).ToList();
    }

    /// <summary>Records an event for every change of the primary, the master, the circuit and each member.</summary>
    private void RecordChanges(FailoverPolicy policy, FailoverPolicyStatus? previous, FailoverPolicyStatus status, DatabaseObservation database, CacheObservation cache)
    {
        string? oldPrimary = previous?.Primary;
        if (oldPrimary != status.Primary)
        {
            if (status.Primary is null)
            {
                _events.Warning(policy, database.Refused ? "PrimaryRefused" : "PrimaryLost", $"No PostgreSQL primary to route to: {database.Message}");
            }
            else
            {
                FailoverPolicyLog.PrimaryMoved(_logger, oldPrimary ?? "(none)", status.Primary);
                _events.Normal(policy, oldPrimary is null ? "PrimaryElected" : "PrimaryChanged",
                    $"PostgreSQL primary is {database.PrimaryMember} at {status.Primary}" + (oldPrimary is null ? "" : $", was {oldPrimary}"));
            }
        }

        string? oldMaster = previous?.CacheMaster;
        if (oldMaster != status.CacheMaster)
        {
            if (status.CacheMaster is null)
            {
                _events.Warning(policy, "CacheMasterLost", $"No Redis master to route to: {cache.Message}");
            }
            else
            {
                FailoverPolicyLog.CacheMasterMoved(_logger, oldMaster ?? "(none)", status.CacheMaster);
                _events.Normal(policy, oldMaster is null ? "CacheMasterElected" : "CacheMasterChanged",
                    $"Redis master is {status.CacheMaster}" + (oldMaster is null ? "" : $", was {oldMaster}"));
            }
        }

        string? oldCacheReason = previous?.Conditions?.FirstOrDefault(condition => condition.Type == FailoverPolicyStatusBuilder.CacheAvailable)?.Reason;
        if (cache.Reason == CacheMasterSelector.Disagree && oldCacheReason != CacheMasterSelector.Disagree)
        {
            _events.Warning(policy, "SentinelsDisagree", cache.Message);
        }

        if (previous?.CircuitState is { } oldCircuit && oldCircuit != status.CircuitState)
        {
            string message = $"The circuit breaker in front of Patroni and the Sentinels is {status.CircuitState}, was {oldCircuit}";
            if (status.CircuitState == nameof(BreakerState.Open))
            {
                _events.Warning(policy, "CircuitOpened", message);
            }
            else
            {
                _events.Normal(policy, status.CircuitState == nameof(BreakerState.Closed) ? "CircuitClosed" : "CircuitHalfOpen", message);
            }
        }

        var oldMembers = (previous?.Members ?? []).ToDictionary(member => member.Name, StringComparer.Ordinal);
        foreach (var member in status.Members)
        {
            if (oldMembers.TryGetValue(member.Name, out var old) && (old.Role != member.Role || old.State != member.State))
            {
                _events.Normal(policy, "MemberChanged", $"Patroni member {member.Name} is {member.Role}, {member.State}; was {old.Role}, {old.State}");
            }
        }
    }

    /// <summary>Writes status through the status subresource, only when it changed.</summary>
    private async Task WriteStatusAsync(FailoverPolicy policy, FailoverPolicyStatus status, CancellationToken cancellationToken)
    {
        if (StatusComparison.EqualIgnoringTransitionTimes(policy.Status, status))
        {
            return;
        }

        var fresh = await _policies.GetAsync(policy.Metadata.NamespaceProperty, policy.Metadata.Name, cancellationToken);
        if (fresh is null || fresh.Metadata.Uid != policy.Metadata.Uid)
        {
            return;
        }

        try
        {
            await _policies.UpdateStatusAsync(fresh with { Status = status }, cancellationToken);
        }
        catch (ApiStatusException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted during the pass: DeletedAsync closes its clients.
        }
    }

    private static string? ConditionReason(FailoverPolicy policy, string type) =>
        policy.Status?.Conditions?.FirstOrDefault(condition => condition.Type == type)?.Reason;

    /// <summary>Returns the state that matters most: any open circuit, then any half-open one.</summary>
    private static BreakerState Worst(BreakerState? patroni, BreakerState? sentinel)
    {
        BreakerState[] states = [.. new[] { patroni, sentinel }.OfType<BreakerState>()];
        return states.Contains(BreakerState.Open) ? BreakerState.Open
            : states.Contains(BreakerState.HalfOpen) ? BreakerState.HalfOpen
            : BreakerState.Closed;
    }

    private static TimeSpan PollInterval(FailoverPolicySpec spec) =>
        Duration.TryParse(spec.HealthCheck.Interval, out var interval) && interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(10);
}
