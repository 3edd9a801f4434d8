using System.Collections.Concurrent;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Controllers.Tests.Integration;

/// <summary>
/// A trivial reconciler that copies <c>metadata.generation</c> to <c>status.observedGeneration</c> and removes
/// <see cref="Finalizer"/> from objects being deleted.
/// </summary>
internal sealed class ObservedGenerationReconciler(IResourceClient<BotCluster> client) : IReconciler<BotCluster>
{
    public const string Finalizer = "generalbots.ai/test-cleanup";

    private readonly ConcurrentQueue<string> _calls = new();

    /// <summary>
    /// Every pass and write of this instance: <c>reconcile</c> and <c>write</c> lines with key and generation,
    /// and <c>finalize</c>, <c>released</c> and <c>deleted</c> lines with the key.
    /// </summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public int StatusWrites => _calls.Count(call => call.StartsWith("write", StringComparison.Ordinal));

    public async Task<ReconcileResult> ReconcileAsync(BotCluster resource, CancellationToken cancellationToken)
    {
        var key = ObjectKey.From(resource);
        var generation = resource.Metadata.Generation;
        _calls.Enqueue($"reconcile {key} {generation}");

        // Converged already: a level-triggered pass writes nothing.
        if (resource.Status?.ObservedGeneration == generation)
        {
            return ReconcileResult.Done();
        }

        var status = (resource.Status ?? new BotClusterStatus()) with { ObservedGeneration = generation };
        await client.UpdateStatusAsync(resource with { Status = status }, cancellationToken);
        _calls.Enqueue($"write {key} {generation}");
        return ReconcileResult.Done();
    }

    public async Task<ReconcileResult> FinalizeAsync(BotCluster resource, CancellationToken cancellationToken)
    {
        var key = ObjectKey.From(resource);
        _calls.Enqueue($"finalize {key}");

        // Read a fresh copy to change, because the cached object is shared with the informer.
        var current = await client.GetAsync(key.Namespace, key.Name, cancellationToken);
        if (current?.Metadata.Finalizers is not { } finalizers || !finalizers.Contains(Finalizer))
        {
            return ReconcileResult.Done();
        }

        current.Metadata.Finalizers = [.. finalizers.Where(finalizer => finalizer != Finalizer)];
        await client.UpdateAsync(current, cancellationToken);
        _calls.Enqueue($"released {key}");
        return ReconcileResult.Done();
    }

    public Task<ReconcileResult> DeletedAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"deleted {key}");
        return Task.FromResult(ReconcileResult.Done());
    }
}
