using System.Globalization;
using System.Text.Json.Nodes;
using GbOperator.Benchmarks.Harness;

namespace GbOperator.Benchmarks.Cases.Apply;

/// <summary>
/// Applies a folder of BotCluster manifests with gbctl and with kubectl, each run against a new API server on
/// SQLite, beside the same number of sequential create requests from one HTTP client.
/// </summary>
internal sealed class ApplyCase : IBenchmarkCase
{
    private const string Namespace = "bench-apply";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(10);

    public string Name => "apply";

    public string Description =>
        "Wall time of `gbctl apply -f FOLDER` for a folder of BotCluster manifests, against `kubectl apply -f` of the same folder "
        + "and against the same number of sequential POST requests from one in-process HTTP client, each run on a new, empty API server on SQLite.";

    public async Task<CaseResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        RequireFile(options.GbctlPath, "build it with `make build` or pass --gbctl PATH");
        var folder = Directory.CreateTempSubdirectory("gbo-bench-apply-");
        var notes = new List<string>();
        try
        {
            string manifests = Directory.CreateDirectory(Path.Combine(folder.FullName, "manifests")).FullName;
            for (int i = 0; i < options.ApplyObjects; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(manifests, $"bc-{i:D5}.yaml"), BotClusterDocuments.CreateYaml(Namespace, $"bc-{i}", 1), cancellationToken);
            }

            var gbctl = new List<double>();
            var kubectl = new List<double>();
            var requests = new List<double>();
            string? kubectlFailure = File.Exists(options.KubectlPath) ? null : $"{options.KubectlPath} does not exist (install it with hack/install-kubectl.sh or pass --kubectl)";
            for (int run = 0; run < options.ApplyRuns; run++)
            {
                gbctl.Add(await ApplyWithToolAsync(folder.FullName, options.GbctlPath, [], manifests, options.ApplyObjects, cancellationToken));
                requests.Add(await CreateSequentiallyAsync(folder.FullName, options.ApplyObjects, cancellationToken));
                if (kubectlFailure is null)
                {
                    try
                    {
                        string cache = Path.Combine(folder.FullName, "kubectl-cache");
                        kubectl.Add(await ApplyWithToolAsync(folder.FullName, options.KubectlPath, ["--cache-dir", cache], manifests, options.ApplyObjects, cancellationToken));
                    }
                    catch (InvalidOperationException exception)
                    {
                        kubectlFailure = exception.Message;
                    }
                }
            }

            var gbctlMeasurement = Measurement.Of("gbctl apply -f", "s", gbctl);
            var comparisons = new List<Comparison>();
            if (kubectlFailure is null)
            {
                comparisons.Add(Comparison.Of($"apply {options.ApplyObjects} objects", gbctlMeasurement, Measurement.Of("kubectl apply -f", "s", kubectl)));
            }
            else
            {
                notes.Add($"kubectl was not measured, so the sequential requests are the only baseline: {kubectlFailure}");
            }

            comparisons.Add(Comparison.Of(
                $"apply {options.ApplyObjects} objects",
                gbctlMeasurement,
                Measurement.Of($"{options.ApplyObjects} sequential POSTs", "s", requests)));

            notes.Add("gbctl and kubectl run as separate processes, so their times include process start; the sequential POSTs run inside the harness.");
            notes.Add("Each object is a separate YAML file in one folder; every run starts from an empty store.");
            return new CaseResult
            {
                Case = Name,
                Description = Description,
                Comparisons = comparisons,
                Notes = notes,
                Settings = new Dictionary<string, string>
                {
                    ["objects"] = options.ApplyObjects.ToString(CultureInfo.InvariantCulture),
                    ["runs"] = options.ApplyRuns.ToString(CultureInfo.InvariantCulture),
                    ["gbctl"] = options.GbctlPath,
                    ["kubectl"] = options.KubectlPath,
                },
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Applies the folder with a kubectl-compatible tool against a new server and returns the wall time in seconds.</summary>
    private static async Task<double> ApplyWithToolAsync(
        string folder, string tool, string[] extraArguments, string manifests, int expected, CancellationToken cancellationToken)
    {
        await using var server = await StartServerAsync(folder, cancellationToken);
        string kubeconfig = Path.Combine(folder, "kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig, Namespace, cancellationToken);
        string[] arguments = ["--kubeconfig", kubeconfig, .. extraArguments, "apply", "-f", manifests];

        double seconds = await Sampler.SecondsAsync(() => ProcessRunner.RunCheckedAsync(tool, arguments, ToolTimeout, cancellationToken));

        await RequireCountAsync(server, expected, tool, cancellationToken);
        return seconds;
    }

    private static async Task<double> CreateSequentiallyAsync(string folder, int count, CancellationToken cancellationToken)
    {
        await using var server = await StartServerAsync(folder, cancellationToken);
        string path = BotClusterDocuments.CollectionPath(Namespace);
        double seconds = await Sampler.SecondsAsync(async () =>
        {
            for (int i = 0; i < count; i++)
            {
                await server.CreateAsync(path, BotClusterDocuments.Create(Namespace, $"bc-{i}", 1), cancellationToken);
            }
        });

        await RequireCountAsync(server, count, "the sequential POSTs", cancellationToken);
        return seconds;
    }

    private static Task<LocalApiServer> StartServerAsync(string folder, CancellationToken cancellationToken)
    {
        string database = Path.Combine(folder, $"store-{Guid.NewGuid():N}.db");
        return LocalApiServer.StartAsync("sqlite://" + database, cancellationToken);
    }

    private static async Task RequireCountAsync(LocalApiServer server, int expected, string tool, CancellationToken cancellationToken)
    {
        var list = await server.GetAsync(BotClusterDocuments.CollectionPath(Namespace), cancellationToken);
        int count = list["items"] is JsonArray items ? items.Count : 0;
        if (count != expected)
        {
            throw new InvalidOperationException($"After {tool} the server holds {count} BotClusters, expected {expected}.");
        }
    }

    private static void RequireFile(string path, string fix)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist; {fix}.", path);
        }
    }
}
