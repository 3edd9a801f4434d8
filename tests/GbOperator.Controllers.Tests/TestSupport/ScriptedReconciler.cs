using GbOperator.Controllers.Runtime;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>
/// A reconciler whose outcome the test sets per call, recording each call as
/// <c>reconcile|finalize|deleted namespace/name@resourceVersion</c> and the highest number of passes that ran at once per key.
/// </summary>
internal sealed class ScriptedReconciler : IReconciler<Widget>
{
    private readonly Lock _lock = new();
    private readonly List<string> _calls = [];
    private readonly Dictionary<ObjectKey, int> _inFlight = [];
    private int _maxInFlightPerKey;

    /// <summary>Decides the outcome of a call from its method name, object key and 1-based call number.</summary>
    public Func<string, ObjectKey, int, CancellationToken, Task<ReconcileResult>> Behavior { get; set; } =
        (_, _, _, _) => Task.FromResult(ReconcileResult.Done());

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public int MaxInFlightPerKey
    {
        get
        {
            lock (_lock)
            {
                return _maxInFlightPerKey;
            }
        }
    }

    public Task<ReconcileResult> ReconcileAsync(Widget resource, CancellationToken cancellationToken) =>
        RunAsync("reconcile", ObjectKey.From(resource), resource.Metadata.ResourceVersion, cancellationToken);

    public Task<ReconcileResult> FinalizeAsync(Widget resource, CancellationToken cancellationToken) =>
        RunAsync("finalize", ObjectKey.From(resource), resource.Metadata.ResourceVersion, cancellationToken);

    public Task<ReconcileResult> DeletedAsync(ObjectKey key, CancellationToken cancellationToken) =>
        RunAsync("deleted", key, null, cancellationToken);

    private async Task<ReconcileResult> RunAsync(string method, ObjectKey key, string? resourceVersion, CancellationToken cancellationToken)
    {
        int callNumber;
        lock (_lock)
        {
            _calls.Add(resourceVersion is null ? $"{method} {key}" : $"{method} {key}@{resourceVersion}");
            callNumber = _calls.Count;
            var inFlight = _inFlight.GetValueOrDefault(key) + 1;
            _inFlight[key] = inFlight;
            _maxInFlightPerKey = Math.Max(_maxInFlightPerKey, inFlight);
        }

        try
        {
            return await Behavior(method, key, callNumber, cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _inFlight[key]--;
            }
        }
    }
}
