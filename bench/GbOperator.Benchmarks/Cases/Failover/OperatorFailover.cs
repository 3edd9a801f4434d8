using System.Diagnostics;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using k8s.Models;

namespace GbOperator.Benchmarks.Cases.Failover;

/// <summary>
/// A FailoverPolicy on the benchmark's Patroni cluster and a BotCluster that follows it, read through the API server,
/// with the waits that time one leader change from the leader key to the policy and to every container.
/// </summary>
internal sealed class OperatorFailover(LocalApiServer server, BenchPatroni patroni)
{
    public const string Namespace = "bench";
    private const string PolicyName = "bench-ha";
    private const string ClusterName = "failover";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly HttpResourceClient<FailoverPolicy> _policies = new(server.Client, ResourceCatalog.FailoverPolicies.Plural);
    private readonly HttpResourceClient<BotCluster> _clusters = new(server.Client, ResourceCatalog.BotClusters.Plural);

    /// <summary>Creates the policy and the BotCluster and waits until every instance is ready and points at the primary.</summary>
    public async Task<string> CreateAsync(int replicas, int listenPort, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _policies.CreateAsync(new FailoverPolicy
        {
            Metadata = new V1ObjectMeta { Name = PolicyName, NamespaceProperty = Namespace },
            Spec = new FailoverPolicySpec
            {
                Patroni = new PatroniSpec
                {
                    Scope = patroni.Exports.Scope,
                    Namespace = patroni.Exports.Namespace,
                    Endpoints = [.. patroni.Exports.Endpoints.Select(endpoint => endpoint.ToString().TrimEnd('/'))],
                    Etcd = [patroni.Exports.Etcd],
                },
                HealthCheck = new EndpointHealthCheck { Interval = "2s", Timeout = "2s" },
            },
        }, cancellationToken);
        string primary = "";
        await UntilAsync(async () => (primary = (await GetPolicyAsync(cancellationToken)).Status?.Primary ?? "") != "", timeout, "the FailoverPolicy names a primary", cancellationToken);

        var document = BotClusterDocuments.Create(Namespace, ClusterName, replicas, listenPort);
        document["spec"]!["failoverPolicyRef"] = new System.Text.Json.Nodes.JsonObject { ["name"] = PolicyName };
        await server.CreateAsync(BotClusterDocuments.CollectionPath(Namespace), document, cancellationToken);
        await UntilAsync(
            async () => await GetClusterAsync(cancellationToken) is { Status: { } status } && status.ReadyReplicas == replicas && status.Endpoints?.Database == primary,
            timeout,
            $"{replicas} instances are ready and point at {primary}",
            cancellationToken);
        return primary;
    }

    /// <summary>Returns the timestamp at which the policy's status.primary first read <paramref name="primary"/>.</summary>
    public async Task<long> WaitForPolicyPrimaryAsync(string primary, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await UntilAsync(async () => (await GetPolicyAsync(cancellationToken)).Status?.Primary == primary, timeout, $"the FailoverPolicy names {primary}", cancellationToken);
        return Stopwatch.GetTimestamp();
    }

    /// <summary>Waits until the BotCluster's status.endpoints.database reads <paramref name="primary"/>.</summary>
    public Task WaitForClusterDatabaseAsync(string primary, TimeSpan timeout, CancellationToken cancellationToken) =>
        UntilAsync(async () => (await GetClusterAsync(cancellationToken)).Status?.Endpoints?.Database == primary, timeout,
            $"the BotCluster's instances point at {primary}", cancellationToken);

    /// <summary>Deletes the BotCluster and waits until its finalizer removed the instances and routes.</summary>
    public async Task DeleteAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _clusters.DeleteAsync(Namespace, ClusterName, cancellationToken);
        await UntilAsync(async () => await _clusters.GetAsync(Namespace, ClusterName, cancellationToken) is null, timeout,
            "the BotCluster is deleted", cancellationToken);
    }

    private async Task<FailoverPolicy> GetPolicyAsync(CancellationToken cancellationToken) =>
        await _policies.GetAsync(Namespace, PolicyName, cancellationToken)
            ?? throw new InvalidOperationException($"FailoverPolicy {Namespace}/{PolicyName} not found.");

    private async Task<BotCluster> GetClusterAsync(CancellationToken cancellationToken) =>
        await _clusters.GetAsync(Namespace, ClusterName, cancellationToken)
            ?? throw new InvalidOperationException($"BotCluster {Namespace}/{ClusterName} not found.");

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description, CancellationToken cancellationToken)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting until {description}.");
            }

            // A poll interval between reads through the API server, not a synchronisation: the loop ends on the condition.
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
