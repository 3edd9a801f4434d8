using System.Diagnostics;

namespace GbOperator.Benchmarks.Cases.Watch;

/// <summary>Send times of numbered updates and the delivery latency of each update at each watcher.</summary>
internal sealed class DeliveryLog(int updates, int watchers)
{
    private readonly long[] _sentAt = new long[updates];
    private readonly List<double>[] _latencies = [.. Enumerable.Range(0, watchers).Select(_ => new List<double>(updates))];
    private int _finishedWatchers;
    private readonly TaskCompletionSource _allDelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every watcher has received every update.</summary>
    public Task AllDelivered => _allDelivered.Task;

    /// <summary>Records that update <paramref name="sequence"/> is about to be sent.</summary>
    public void Sending(int sequence) => Volatile.Write(ref _sentAt[sequence], Stopwatch.GetTimestamp());

    /// <summary>Records that <paramref name="watcher"/> received update <paramref name="sequence"/> now.</summary>
    public void Received(int watcher, int sequence)
    {
        long sent = Volatile.Read(ref _sentAt[sequence]);
        var latencies = _latencies[watcher];
        latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        if (latencies.Count == _sentAt.Length && Interlocked.Increment(ref _finishedWatchers) == _latencies.Length)
        {
            _allDelivered.TrySetResult();
        }
    }

    /// <summary>Every latency of every watcher in milliseconds.</summary>
    public List<double> Latencies() => [.. _latencies.SelectMany(latencies => latencies)];

    /// <summary>How many watchers received every update so far.</summary>
    public int FinishedWatchers => Volatile.Read(ref _finishedWatchers);
}
