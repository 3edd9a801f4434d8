using System.Diagnostics;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Benchmarks.Cases.Simulation;

/// <summary>Passes every call to the real reconciler and records each reconcile pass's wall time.</summary>
internal sealed class CountingReconciler(IReconciler<BotCluster> inner) : IReconciler<BotCluster>
{
    private readonly Lock _lock = new();
    private List<double> _passMilliseconds = [];

    /// <summary>Returns the pass times recorded since the last call, in milliseconds, and starts a new series.</summary>
    public List<double> TakePassTimes()
    {
        lock (_lock)
        {
            var passTimes = _passMilliseconds;
            _passMilliseconds = [];
            return passTimes;
        }
    }

    public async Task<ReconcileResult> ReconcileAsync(BotCluster resource, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.ReconcileAsync(resource, cancellationToken);
        }
        finally
        {
            double milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (_lock)
            {
                _passMilliseconds.Add(milliseconds);
            }
        }
    }

    public Task<ReconcileResult> FinalizeAsync(BotCluster resource, CancellationToken cancellationToken) =>
        inner.FinalizeAsync(resource, cancellationToken);

    public Task<ReconcileResult> DeletedAsync(ObjectKey key, CancellationToken cancellationToken) =>
        inner.DeletedAsync(key, cancellationToken);
}
