using System.Globalization;

namespace GbOperator.Benchmarks.Harness;

/// <summary>Command-line settings of a benchmark run; every count can be changed to keep a run short.</summary>
internal sealed record BenchmarkOptions
{
    /// <summary>Cases to run by name; empty runs every case.</summary>
    public IReadOnlyList<string> Cases { get; init; } = [];

    public string ResultsFolder { get; init; } = "bench/results";

    public string ReportPath { get; init; } = "bench/RESULTS.md";

    /// <summary>etcd client endpoint <c>HOST:PORT</c>; from <c>GBO_ETCD_ENDPOINT</c> by default.</summary>
    public string? EtcdEndpoint { get; init; } = Environment.GetEnvironmentVariable("GBO_ETCD_ENDPOINT");

    /// <summary>LXD's unix socket; from <c>LXD_SOCKET</c> by default.</summary>
    public string? LxdSocket { get; init; } = Environment.GetEnvironmentVariable("LXD_SOCKET");

    /// <summary>Caddy's admin API URL; from <c>GBO_CADDY_ADMIN_URL</c> by default.</summary>
    public string? CaddyAdminUrl { get; init; } = Environment.GetEnvironmentVariable("GBO_CADDY_ADMIN_URL");

    public string GbctlPath { get; init; } = "out/gbctl";

    /// <summary>kubectl binary; <c>GBO_KUBECTL</c>, else Debian's kubectl 1.20 unpacked by hack/install-kubectl.sh.</summary>
    public string KubectlPath { get; init; } = Environment.GetEnvironmentVariable("GBO_KUBECTL") ?? "/opt/kubernetes-client/usr/bin/kubectl";

    /// <summary>Operations of each kind (create, get, update) per store and mode.</summary>
    public int StoreOperations { get; init; } = 500;

    /// <summary>Concurrent clients of the concurrent store and API measurements.</summary>
    public int Concurrency { get; init; } = 16;

    public int ApplyObjects { get; init; } = 1000;

    /// <summary>Repetitions of each apply, each against a new, empty server.</summary>
    public int ApplyRuns { get; init; } = 3;

    public int Watchers { get; init; } = 100;

    public int WatchUpdates { get; init; } = 1000;

    /// <summary>Instances that the convergence case brings up on LXD.</summary>
    public int Instances { get; init; } = 8;

    public int ConvergenceRuns { get; init; } = 3;

    /// <summary>Patroni leader changes, and raw device updates, that the failover case measures.</summary>
    public int FailoverRuns { get; init; } = 3;

    /// <summary>New folder of the failover case's own Patroni cluster, deleted after the case; <c>$GBO_STATE_DIR/bench-patroni</c> by default.</summary>
    public string PatroniFolder { get; init; } = Path.Combine(Environment.GetEnvironmentVariable("GBO_STATE_DIR") ?? ".state", "bench-patroni");

    /// <summary>BotClusters that the simulation converges.</summary>
    public int SimulationClusters { get; init; } = 200;

    /// <summary>Instances per simulated BotCluster.</summary>
    public int SimulationReplicas { get; init; } = 10;

    /// <summary>Length of the steady-state window of the simulation, in seconds.</summary>
    public int SteadySeconds { get; init; } = 20;

    /// <summary>The usage text of <c>--help</c>.</summary>
    public const string Usage = """
        usage: GbOperator.Benchmarks [options]

          --case NAMES            comma-separated cases: store, codec, apply, watch, convergence, failover, simulation (default: all)
          --results DIR           folder of the JSON run files (default: bench/results)
          --report FILE           results page to regenerate (default: bench/RESULTS.md)
          --etcd HOST:PORT        etcd endpoint (default: $GBO_ETCD_ENDPOINT)
          --lxd-socket PATH       LXD unix socket (default: $LXD_SOCKET)
          --caddy-admin URL       Caddy admin API (default: $GBO_CADDY_ADMIN_URL)
          --gbctl PATH            gbctl binary (default: out/gbctl)
          --kubectl PATH          kubectl binary (default: $GBO_KUBECTL or /opt/kubernetes-client/usr/bin/kubectl)
          --store-ops N           operations of each kind per store and mode (default: 500)
          --concurrency N         concurrent clients of the concurrent measurements (default: 16)
          --apply-objects N       objects in the applied folder (default: 1000)
          --apply-runs N          repetitions of each apply (default: 3)
          --watchers N            concurrent watchers (default: 100)
          --watch-updates N       updates the watchers receive (default: 1000)
          --instances N           LXD instances of the convergence case (default: 8)
          --convergence-runs N    repetitions of each convergence (default: 3)
          --failover-runs N       leader changes and raw device updates of the failover case (default: 3)
          --patroni-dir DIR       new folder of the failover case's Patroni cluster, deleted after it (default: $GBO_STATE_DIR/bench-patroni)
          --sim-clusters N        simulated BotClusters; a quarter and a half of it run first (default: 200)
          --sim-replicas N        instances per simulated BotCluster (default: 10)
          --steady-seconds N      steady-state window of the simulation in seconds (default: 20)
        """;

    /// <summary>Parses <c>--name value</c> pairs.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or a count is not a positive integer.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchmarkOptions();
        for (int i = 0; i < args.Count; i += 2)
        {
            string name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"Option {name} needs a value; see --help.");
            }

            string value = args[i + 1];
            options = name switch
            {
                "--case" => options with { Cases = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--results" => options with { ResultsFolder = value },
                "--report" => options with { ReportPath = value },
                "--etcd" => options with { EtcdEndpoint = value },
                "--lxd-socket" => options with { LxdSocket = value },
                "--caddy-admin" => options with { CaddyAdminUrl = value },
                "--gbctl" => options with { GbctlPath = value },
                "--kubectl" => options with { KubectlPath = value },
                "--store-ops" => options with { StoreOperations = Count(name, value) },
                "--concurrency" => options with { Concurrency = Count(name, value) },
                "--apply-objects" => options with { ApplyObjects = Count(name, value) },
                "--apply-runs" => options with { ApplyRuns = Count(name, value) },
                "--watchers" => options with { Watchers = Count(name, value) },
                "--watch-updates" => options with { WatchUpdates = Count(name, value) },
                "--instances" => options with { Instances = Count(name, value) },
                "--convergence-runs" => options with { ConvergenceRuns = Count(name, value) },
                "--failover-runs" => options with { FailoverRuns = Count(name, value) },
                "--patroni-dir" => options with { PatroniFolder = value },
                "--sim-clusters" => options with { SimulationClusters = Count(name, value) },
                "--sim-replicas" => options with { SimulationReplicas = Count(name, value) },
                "--steady-seconds" => options with { SteadySeconds = Count(name, value) },
                _ => throw new ArgumentException($"Unknown option {name}; see --help."),
            };
        }

        return options;
    }

    /// <summary>Returns the etcd endpoint or throws with the way to set it.</summary>
    public string RequireEtcd() => EtcdEndpoint is { Length: > 0 } endpoint
        ? endpoint
        : throw new InvalidOperationException("No etcd endpoint: pass --etcd HOST:PORT or source .state/env.sh after hack/env-up.sh.");

    private static int Count(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count > 0
            ? count
            : throw new ArgumentException($"Option {name} must be a positive integer, not '{value}'.");
}
