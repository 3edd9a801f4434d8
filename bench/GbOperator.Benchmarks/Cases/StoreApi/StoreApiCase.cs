using System.Text;
using GbOperator.Benchmarks.Harness;

namespace GbOperator.Benchmarks.Cases.StoreApi;

/// <summary>
/// Creates, gets and updates BotClusters through the API server on etcd and on SQLite, one client at a time and
/// with concurrent clients, beside raw etcd and raw SQLite operations on objects of the same size.
/// </summary>
internal sealed class StoreApiCase : IBenchmarkCase
{
    public string Name => "store";

    public string Description =>
        "BotCluster create, get and update through the API server (HTTP, validation, defaults, store) on etcd and on SQLite, "
        + "against plain dotnet-etcd puts and range reads on the same etcd and plain Microsoft.Data.Sqlite statements on a one-table database.";

    public async Task<CaseResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        string runId = Guid.NewGuid().ToString("N")[..8];
        string endpoint = options.RequireEtcd();
        var comparisons = new List<Comparison>();
        var folder = Directory.CreateTempSubdirectory("gbo-bench-store-");
        byte[] value;

        try
        {
            // On etcd the API server's keys live under the namespace, and the baseline's keys under their own prefix.
            string ns = "bench-store-" + runId;
            string rawPrefix = $"/bench/raw-{runId}/";
            await using (var api = new ApiOperations(await LocalApiServer.StartAsync($"etcd://{endpoint}", cancellationToken), ns, "API on etcd"))
            {
                value = await api.StoredValueAsync(cancellationToken);
                await using var etcdRaw = new EtcdBaseline(endpoint, rawPrefix, value);
                try
                {
                    comparisons.AddRange(await CompareAsync(api, etcdRaw, options, cancellationToken));
                }
                finally
                {
                    await etcdRaw.DeletePrefixAsync(rawPrefix, CancellationToken.None);
                    await etcdRaw.DeletePrefixAsync($"/registry/generalbots.ai/botclusters/{ns}/", CancellationToken.None);
                }
            }

            await using (var sqliteRaw = SqliteBaseline.Create(Path.Combine(folder.FullName, "baseline.db"), value))
            {
                string url = "sqlite://" + Path.Combine(folder.FullName, "store.db");
                await using var api = new ApiOperations(await LocalApiServer.StartAsync(url, cancellationToken), ns, "API on SQLite");
                comparisons.AddRange(await CompareAsync(api, sqliteRaw, options, cancellationToken));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return new CaseResult
        {
            Case = Name,
            Description = Description,
            Comparisons = comparisons,
            Settings = new Dictionary<string, string>
            {
                ["operations of each kind"] = options.StoreOperations.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["concurrent clients"] = options.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["etcd"] = endpoint,
            },
            Notes =
            [
                "The API server creates and updates with transactions that compare revisions; the etcd baseline sends plain puts, "
                    + "so its ratio includes that difference as well as HTTP, JSON, validation and defaults.",
                $"Each baseline value has the {value.Length} bytes of a BotCluster as the API server stores it, with its defaults.",
                "Latencies are per operation; a concurrent row's ops/s is the whole batch divided by its wall time.",
                "Both SQLite sides open a pooled connection per operation in WAL mode. The SQLite store queues its writes on one lock inside "
                    + "the process, while the baseline's concurrent writers wait on SQLite's file lock through busy_timeout.",
            ],
        };
    }

    private static async Task<List<Comparison>> CompareAsync(
        ApiOperations subject, IStoreOperations baseline, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        int count = options.StoreOperations;
        int clients = options.Concurrency;
        var comparisons = new List<Comparison>();
        string where = subject.Name;

        // One warm-up round each, so connection set-up and JIT are not in the first samples.
        await RoundAsync(subject, "warmup", 20, cancellationToken);
        await RoundAsync(baseline, "warmup", 20, cancellationToken);

        foreach (var (verb, run) in Verbs())
        {
            var subjectSamples = await Sampler.SequentialAsync(count, i => run(subject, $"seq-{i}", cancellationToken));
            var baselineSamples = await Sampler.SequentialAsync(count, i => run(baseline, $"seq-{i}", cancellationToken));
            comparisons.Add(Comparison.Of(
                $"{verb}, sequential, {where}",
                Measurement.Of(subject.Name, "ms", subjectSamples),
                Measurement.Of(baseline.Name, "ms", baselineSamples)));
        }

        foreach (var (verb, run) in Verbs())
        {
            var (subjectSamples, subjectRate) = await Sampler.ConcurrentAsync(count, clients, i => run(subject, $"par-{i}", cancellationToken));
            var (baselineSamples, baselineRate) = await Sampler.ConcurrentAsync(count, clients, i => run(baseline, $"par-{i}", cancellationToken));
            comparisons.Add(Comparison.Of(
                $"{verb}, {clients} clients, {where}",
                Measurement.Of(subject.Name, "ms", subjectSamples),
                Measurement.Of(baseline.Name, "ms", baselineSamples)));
            comparisons.Add(Comparison.Of(
                $"{verb} throughput, {clients} clients, {where}",
                Measurement.Of(subject.Name, "ops/s", [subjectRate]),
                Measurement.Of(baseline.Name, "ops/s", [baselineRate])));
        }

        return comparisons;
    }

    private static IEnumerable<(string Verb, Func<IStoreOperations, string, CancellationToken, Task> Run)> Verbs() =>
    [
        ("create", (operations, name, token) => operations.CreateAsync(name, token)),
        ("get", (operations, name, token) => operations.GetAsync(name, token)),
        ("update", (operations, name, token) => operations.UpdateAsync(name, token)),
    ];

    private static async Task RoundAsync(IStoreOperations operations, string prefix, int count, CancellationToken cancellationToken)
    {
        for (int i = 0; i < count; i++)
        {
            await operations.CreateAsync($"{prefix}-{i}", cancellationToken);
            await operations.GetAsync($"{prefix}-{i}", cancellationToken);
            await operations.UpdateAsync($"{prefix}-{i}", cancellationToken);
        }
    }
}
