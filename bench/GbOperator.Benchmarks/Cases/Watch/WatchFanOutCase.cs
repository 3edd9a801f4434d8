using System.Globalization;
using GbOperator.Benchmarks.Harness;

namespace GbOperator.Benchmarks.Cases.Watch;

/// <summary>
/// Delivery latency of updates to many HTTP watchers of the API server on etcd, beside as many etcd watch streams
/// receiving the same number of plain puts.
/// </summary>
internal sealed class WatchFanOutCase : IBenchmarkCase
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(3);

    public string Name => "watch";

    public string Description =>
        "Delivery latency, from just before each write to its arrival at each watcher, of sequential updates of one BotCluster "
        + "to many HTTP watchers of the API server on etcd, against as many dotnet-etcd watch streams on a prefix receiving the same number of plain puts.";

    public async Task<CaseResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        string endpoint = options.RequireEtcd();
        string runId = Guid.NewGuid().ToString("N")[..8];
        string ns = "bench-watch-" + runId;

        var (subject, objectSize) = await MeasureApiAsync(endpoint, ns, options, cancellationToken);
        List<double> baseline;
        await using (var etcd = new EtcdWatchers(endpoint, $"/bench/watch-{runId}/", objectSize))
        {
            try
            {
                baseline = await MeasureAsync(options, etcd.OpenAsync, etcd.PutAsync, cancellationToken);
            }
            finally
            {
                await etcd.DeletePrefixAsync(CancellationToken.None);
            }
        }

        await using (var cleanup = new EtcdWatchers(endpoint, $"/registry/generalbots.ai/botclusters/{ns}/", 0))
        {
            await cleanup.DeletePrefixAsync(CancellationToken.None);
        }

        return new CaseResult
        {
            Case = Name,
            Description = Description,
            Comparisons =
            [
                Comparison.Of(
                    $"delivery latency, {options.Watchers} watchers x {options.WatchUpdates} updates",
                    Measurement.Of("API server watch (HTTP, JSON lines)", "ms", subject),
                    Measurement.Of("dotnet-etcd watch streams", "ms", baseline)),
            ],
            Settings = new Dictionary<string, string>
            {
                ["watchers"] = options.Watchers.ToString(CultureInfo.InvariantCulture),
                ["updates"] = options.WatchUpdates.ToString(CultureInfo.InvariantCulture),
                ["etcd"] = endpoint,
            },
            Notes =
            [
                "Updates are sent one after another, each waiting for the write's response; the latency includes the write itself.",
                $"The API server's updates are JSON merge patches of one annotation; each etcd value is padded to the stored BotCluster's {objectSize} bytes.",
                "Watchers and writer run in the harness process on the same 127.0.0.1 host, so the clients' JSON parsing shares the CPU with the server.",
            ],
        };
    }

    private static async Task<(List<double> Latencies, int ObjectSize)> MeasureApiAsync(
        string endpoint, string ns, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        await using var server = await LocalApiServer.StartAsync($"etcd://{endpoint}", cancellationToken);
        string collection = BotClusterDocuments.CollectionPath(ns);
        string objectPath = BotClusterDocuments.ObjectPath(ns, "watched");
        var created = await server.CreateAsync(collection, BotClusterDocuments.Create(ns, "watched", 1), cancellationToken);
        string resourceVersion = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        int size = created.ToJsonString().Length;

        var latencies = await MeasureAsync(
            options,
            (watchers, log, token) => ApiWatchers.OpenAsync(server.Client, collection, resourceVersion, watchers, log, token),
            (sequence, token) => ApiWatchers.UpdateAsync(server.Client, objectPath, sequence, token),
            cancellationToken);
        return (latencies, size);
    }

    private static async Task<List<double>> MeasureAsync(
        BenchmarkOptions options,
        Func<int, DeliveryLog, CancellationToken, Task<Task[]>> open,
        Func<int, CancellationToken, Task> update,
        CancellationToken cancellationToken)
    {
        var log = new DeliveryLog(options.WatchUpdates, options.Watchers);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = await open(options.Watchers, log, watching.Token);

        for (int sequence = 0; sequence < options.WatchUpdates; sequence++)
        {
            log.Sending(sequence);
            await update(sequence, cancellationToken);
        }

        var finished = await Task.WhenAny(log.AllDelivered, Task.Delay(DeliveryTimeout, cancellationToken));
        await watching.CancelAsync();
        await Task.WhenAll(readers.Select(reader => reader.ContinueWith(_ => { }, TaskScheduler.Default)));
        if (finished != log.AllDelivered)
        {
            throw new TimeoutException(
                $"Only {log.FinishedWatchers} of {options.Watchers} watchers received all {options.WatchUpdates} updates within {DeliveryTimeout.TotalSeconds:0} s.");
        }

        return log.Latencies();
    }
}
