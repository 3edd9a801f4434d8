using System.Globalization;
using GbOperator.Benchmarks.Harness;
using GbOperator.Controllers.BotClusters;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;

namespace GbOperator.Benchmarks.Cases.Convergence;

/// <summary>
/// Convergence of one BotCluster on real LXD and Caddy, beside a sequential <c>lxc launch</c> loop with one Caddy
/// load and beside parallel <c>lxc launch</c> calls with one Caddy load.
/// </summary>
internal sealed class ConvergenceCase : IBenchmarkCase
{
    private const string Project = "gbo-bench";

    public string Name => "convergence";

    public string Description =>
        "A BotCluster from 0 to N ready, routed instances through the BotCluster controller on real LXD and Caddy, against (a) a sequential "
        + "`lxc launch` + `lxc config device add` loop followed by one Caddy load and (b) the same commands for all instances in parallel, "
        + "each until every instance passes its health check.";

    public async Task<CaseResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        string socket = options.LxdSocket ?? throw new InvalidOperationException("No LXD socket: pass --lxd-socket PATH or source .state/env.sh after hack/env-up.sh.");
        string caddyUrl = options.CaddyAdminUrl ?? throw new InvalidOperationException("No Caddy admin URL: pass --caddy-admin URL or source .state/env.sh after hack/env-up.sh.");
        using var lxd = new LxdClient(new LxdClientOptions { SocketPath = socket });
        using var caddy = new CaddyAdminClient(new CaddyAdminClientOptions { AdminUrl = new Uri(caddyUrl) });
        using var healthClient = new HttpClient();
        if (!await lxd.ProjectExistsAsync(Project, cancellationToken))
        {
            await lxd.CreateProjectAsync(Project, "GbOperator benchmark instances", cancellationToken);
        }

        var settings = new BotClusterControllerSettings
        {
            ApiServer = new Uri("http://127.0.0.1/"),
            LxdSocket = socket,
            CaddyAdminUrl = new Uri(caddyUrl),
            Reconciler = new BotClusterReconcilerOptions { LxdProject = Project, FirstHostPort = 42000, LastHostPort = 42999 },
        };
        var operatorRun = new OperatorConvergence(settings, healthClient);
        var baseline = new LxcBaseline(Project, caddy, healthClient);
        var folder = Directory.CreateTempSubdirectory("gbo-bench-converge-");

        var subject = new List<double>();
        var sequential = new List<double>();
        var parallel = new List<double>();
        try
        {
            for (int run = 0; run < options.ConvergenceRuns; run++)
            {
                subject.Add(await operatorRun.RunAsync("sqlite://" + Path.Combine(folder.FullName, $"store-{run}.db"), options.Instances, cancellationToken));
                sequential.Add(await TimeBaselineAsync(baseline, $"bench-seq-{run}", options.Instances, parallel: false, cancellationToken));
                parallel.Add(await TimeBaselineAsync(baseline, $"bench-par-{run}", options.Instances, parallel: true, cancellationToken));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
            await RemoveLeftoversAsync(lxd, baseline);
        }

        var operatorMeasurement = Measurement.Of("BotCluster controller", "s", subject);
        string metric = $"0 to {options.Instances} ready instances";
        return new CaseResult
        {
            Case = Name,
            Description = Description,
            Comparisons =
            [
                Comparison.Of(metric, operatorMeasurement, Measurement.Of("sequential lxc launch + one Caddy load", "s", sequential)),
                Comparison.Of(metric, operatorMeasurement, Measurement.Of($"{options.Instances} parallel lxc launch + one Caddy load", "s", parallel)),
            ],
            Settings = new Dictionary<string, string>
            {
                ["instances"] = options.Instances.ToString(CultureInfo.InvariantCulture),
                ["runs"] = options.ConvergenceRuns.ToString(CultureInfo.InvariantCulture),
                ["image"] = "botserver-standin (busybox stand-in from hack/botserver-image.sh)",
                ["LXD project"] = Project,
            },
            Notes =
            [
                "The controller's time runs from the create request until status.readyReplicas equals the replica count, which it "
                    + "sets only after each instance passed a health check and the Caddy routes were published; "
                    + "the baselines' time runs until every instance returned 200 on /health through its proxy device after the Caddy load.",
                "The controller and the lxc baselines start the same stand-in image with one proxy device each; the controller also writes "
                    + "the .env file and owner keys, writes status, and records events through the API server.",
                "The reconciler creates and starts the missing instances one after another within one pass, like the sequential baseline.",
            ],
        };
    }

    /// <summary>
    /// Deletes every instance left in the benchmark project and resets Caddy, which a run that failed half-way leaves
    /// behind because its API server and the BotCluster's finalizer are gone.
    /// </summary>
    private static async Task RemoveLeftoversAsync(LxdClient lxd, LxcBaseline baseline)
    {
        var leftovers = await lxd.ListInstancesAsync(Project, includeState: false, CancellationToken.None);
        await baseline.DeleteAsync([.. leftovers.Select(instance => instance.Name)], CancellationToken.None);
    }

    private static async Task<double> TimeBaselineAsync(LxcBaseline baseline, string prefix, int count, bool parallel, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> names = [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i}")];
        try
        {
            return await Sampler.SecondsAsync(async () => names = await baseline.RunAsync(prefix, count, parallel, cancellationToken));
        }
        finally
        {
            await baseline.DeleteAsync(names, CancellationToken.None);
        }
    }
}
