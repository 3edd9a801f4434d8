using System.Diagnostics;
using System.Globalization;
using GbOperator.Benchmarks.Harness;
using GbOperator.Controllers.BotClusters;

namespace GbOperator.Benchmarks.Cases.Simulation;

/// <summary>
/// Converges many BotClusters with the real controller and API server on simulated LXD and Caddy, then measures the
/// cost of steady-state passes and the controller's memory per object.
/// </summary>
internal sealed class SimulationCase : IBenchmarkCase
{
    private const int FirstHostPort = 30000;
    private const int LastHostPort = 65535;
    private const string Namespace = "sim";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ConvergenceTimeout = TimeSpan.FromMinutes(20);

    public string Name => "simulation";

    public string Description =>
        "Scale by simulation: the real BotCluster controller and API server (SQLite) with SimulatedLxdClient, SimulatedCaddyAdminClient and "
        + "SimulatedHealthHandler in place of LXD, Caddy and the health-check network, converging many BotClusters; the baseline does the same "
        + "LXD and Caddy calls directly on the same simulations, with no API server, informer or status.";

    public async Task<CaseResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        int clusters = options.SimulationClusters;
        int replicas = options.SimulationReplicas;
        var settings = new Dictionary<string, string>
        {
            ["BotClusters"] = clusters.ToString(CultureInfo.InvariantCulture),
            ["instances per BotCluster"] = replicas.ToString(CultureInfo.InvariantCulture),
            ["steady-state window"] = $"{options.SteadySeconds} s",
        };

        long ports = LastHostPort - FirstHostPort + 1L;
        if ((long)clusters * replicas > ports)
        {
            return new CaseResult
            {
                Case = Name,
                Description = Description,
                Outcome = CaseOutcome.NotAvailable,
                Settings = settings,
                Notes =
                [
                    $"{clusters} x {replicas} instances need {clusters * (long)replicas} host ports, but the reconciler allocates one port per instance "
                        + $"from one range in one LXD project ({FirstHostPort}-{LastHostPort} here, at most 1024-65535), so this size cannot converge.",
                ],
            };
        }

        var comparisons = new List<Comparison>();
        var measurements = new List<Measurement>();
        var notes = new List<string>();

        // Smaller sizes first, so the table shows how convergence time grows with the number of BotClusters.
        int[] sizes = [.. new[] { clusters / 4, clusters / 2, clusters }.Where(size => size > 0).Distinct()];
        foreach (int size in sizes)
        {
            bool last = size == clusters;
            var run = await ConvergeAsync(size, replicas, last ? options.SteadySeconds : 0, cancellationToken);
            double direct = await Sampler.SecondsAsync(() => DirectBaseline.RunAsync(size, replicas, cancellationToken));
            comparisons.Add(Comparison.Of(
                $"converge {size} x {replicas}",
                Measurement.Of("BotCluster controller, simulated LXD and Caddy", "s", [run.ConvergeSeconds]),
                Measurement.Of("direct calls to the simulations", "s", [direct])));
            measurements.Add(Measurement.Of($"reconcile pass during convergence, {size} BotClusters", "ms", run.ConvergencePasses));

            if (last)
            {
                measurements.AddRange(run.SteadyState);
            }
        }

        notes.Add("Each convergence uses a new API server and new simulations; every reconcile pass lists all instances of the shared LXD project, "
            + "rereads the whole Caddy configuration, and reads the owner of every other BotCluster's instances through the API to find orphans, "
            + "so a pass costs more as the project grows.");
        notes.Add("The controller runs with one worker, because the reconciler is not safe for two passes at once.");
        notes.Add($"The default size is small enough for a run of a few minutes on 2 cores; pass --sim-clusters N for more (the host-port range allows {ports / replicas} BotClusters of {replicas}).");
        return new CaseResult
        {
            Case = Name,
            Description = Description,
            Comparisons = comparisons,
            Measurements = measurements,
            Settings = settings,
            Notes = notes,
        };
    }

    private static async Task<SimulationRun> ConvergeAsync(int clusters, int replicas, int steadySeconds, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("gbo-bench-sim-");
        try
        {
            await using var server = await LocalApiServer.StartAsync("sqlite://" + Path.Combine(folder.FullName, "store.db"), cancellationToken);
            await Sampler.ConcurrentAsync(clusters, 16, i => server.CreateAsync(
                BotClusterDocuments.CollectionPath(Namespace), BotClusterDocuments.Create(Namespace, $"bc-{i}", replicas, listenPort: 10000 + i), cancellationToken));

            var reconcilerOptions = new BotClusterReconcilerOptions
            {
                LxdProject = SimulatedOperator.Project,
                FirstHostPort = FirstHostPort,
                LastHostPort = LastHostPort,
            };
            var simulated = await SimulatedOperator.StartAsync(server.BaseAddress, reconcilerOptions, cancellationToken);
            SimulationRun run;
            try
            {
                double seconds = await Sampler.SecondsAsync(() => WaitForRoutesAsync(simulated.Caddy, clusters, replicas, cancellationToken));
                var convergencePasses = simulated.Reconciler.TakePassTimes();
                run = new SimulationRun(seconds, convergencePasses, []);
                if (steadySeconds > 0)
                {
                    run = run with
                    {
                        SteadyState = await MeasureSteadyStateAsync(simulated, clusters, steadySeconds, cancellationToken),
                    };
                }
            }
            catch
            {
                await simulated.DisposeAsync();
                throw;
            }

            if (steadySeconds > 0)
            {
                // The simulations stay referenced across both readings, so the difference is the controller's own memory.
                var lxd = simulated.Lxd;
                var caddy = simulated.Caddy;
                long heapWithController = HeapAfterCollection();
                await simulated.DisposeAsync();
                simulated = null;
                long heapWithoutController = HeapAfterCollection();
                GC.KeepAlive(lxd);
                GC.KeepAlive(caddy);
                double kibPerThousand = (heapWithController - heapWithoutController) / 1024.0 / clusters * 1000;
                run = run with
                {
                    SteadyState = [.. run.SteadyState, Measurement.Of("controller managed heap per 1,000 BotClusters (informer cache, queue, reconciler state)", "KiB", [kibPerThousand])],
                };
            }
            else
            {
                await simulated.DisposeAsync();
            }

            return run;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Waits until every cluster's Caddy server routes to all of its instances.</summary>
    private static async Task WaitForRoutesAsync(SimulatedCaddyAdminClient caddy, int clusters, int replicas, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * ConvergenceTimeout.TotalSeconds);
        while (caddy.CountServersWithUpstreams(replicas) < clusters)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException(
                    $"Only {caddy.CountServersWithUpstreams(replicas)} of {clusters} BotClusters were routed to {replicas} instances within {ConvergenceTimeout.TotalMinutes:0} minutes.");
            }

            // A poll interval between counts, not a synchronisation: the loop ends on the condition.
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Lets the converged controller run for a window and measures its passes, CPU time and writes.</summary>
    private static async Task<List<Measurement>> MeasureSteadyStateAsync(SimulatedOperator simulated, int clusters, int seconds, CancellationToken cancellationToken)
    {
        simulated.Reconciler.TakePassTimes();
        long lxdWrites = simulated.Lxd.Writes;
        long caddyWrites = simulated.Caddy.Writes;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var passes = simulated.Reconciler.TakePassTimes();
        var measurements = new List<Measurement>
        {
            Measurement.Of($"steady-state passes per BotCluster in {seconds} s", "passes", [passes.Count / (double)clusters]),
            Measurement.Of($"LXD writes in the steady-state window", "calls", [simulated.Lxd.Writes - lxdWrites]),
            Measurement.Of($"Caddy writes in the steady-state window", "calls", [simulated.Caddy.Writes - caddyWrites]),
        };
        if (passes.Count > 0)
        {
            measurements.Add(Measurement.Of("steady-state reconcile pass, nothing changed (wall time)", "ms", passes));
            measurements.Add(Measurement.Of("steady-state process CPU per pass (controller, API server and simulations)", "ms", [cpu.TotalMilliseconds / passes.Count]));

            // A converged BotCluster is reconciled once per health interval, and one worker runs one pass at a time.
            double capacity = BotClusterDocuments.HealthInterval.TotalMilliseconds / Statistics.Median(passes);
            measurements.Add(Measurement.Of($"BotClusters one worker keeps on a {BotClusterDocuments.HealthInterval.TotalSeconds:0} s health interval at this size", "BotClusters", [capacity]));
        }

        return measurements;
    }

    private static long HeapAfterCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed record SimulationRun(double ConvergeSeconds, List<double> ConvergencePasses, List<Measurement> SteadyState);
}
