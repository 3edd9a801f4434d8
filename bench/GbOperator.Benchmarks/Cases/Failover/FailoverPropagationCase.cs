using System.Diagnostics;
using System.Globalization;
using GbOperator.Benchmarks.Cases.Convergence;
using GbOperator.Benchmarks.Harness;
using GbOperator.Controllers.BotClusters;
using GbOperator.Controllers.FailoverPolicies;
using GbOperator.Infrastructure.Lxd;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Benchmarks.Cases.Failover;

/// <summary>
/// Failover propagation on real Patroni and LXD: from the moment Patroni's leader key names a new leader until the
/// FailoverPolicy names it and until every container's 127.0.0.1:5432 reaches it, beside raw LXD updates of the
/// same containers' proxy devices.
/// </summary>
internal sealed class FailoverPropagationCase : IBenchmarkCase
{
    private const string Project = "gbo-bench-failover";
    private const string BaselineDevice = "bench-database";
    private const int DatabasePort = 5432;
    private const int BaselinePort = 15432;
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    public string Name => "failover";

    public string Description =>
        "Failover propagation: a Patroni switchover, timed from the moment the leader key in etcd names the new leader until the FailoverPolicy "
        + "names it and until every container of an N-instance BotCluster reaches it on 127.0.0.1:5432, against raw LXD API updates of the "
        + "same containers' proxy devices to another server.";

    public async Task<CaseResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        string socket = options.LxdSocket ?? throw new InvalidOperationException("No LXD socket: pass --lxd-socket PATH or source .state/env.sh after hack/env-up.sh.");
        string caddyUrl = options.CaddyAdminUrl ?? throw new InvalidOperationException("No Caddy admin URL: pass --caddy-admin URL or source .state/env.sh after hack/env-up.sh.");
        using var lxd = new LxdClient(new LxdClientOptions { SocketPath = socket });
        if (!await lxd.ProjectExistsAsync(Project, cancellationToken))
        {
            await lxd.CreateProjectAsync(Project, "GbOperator failover benchmark instances", cancellationToken);
        }

        var folder = Directory.CreateTempSubdirectory("gbo-bench-failover-");
        try
        {
            await using var patroni = await BenchPatroni.StartAsync(Path.GetFullPath(options.PatroniFolder), cancellationToken);
            await using var watch = await LeaderKeyWatch.StartAsync(patroni.Exports.Etcd, patroni.Exports.LeaderKey, cancellationToken);
            await using var server = await LocalApiServer.StartAsync("sqlite://" + Path.Combine(folder.FullName, "store.db"), cancellationToken);
            var (policySeconds, containerSeconds, baselineSeconds) =
                await MeasureAsync(options, lxd, patroni, watch, server, Settings(socket, caddyUrl, server.BaseAddress), cancellationToken);
            return Result(options, policySeconds, containerSeconds, baselineSeconds);
        }
        finally
        {
            folder.Delete(recursive: true);
            await RemoveLeftoversAsync(lxd);
        }
    }

    private static async Task<(List<double> Policy, List<double> Containers, List<double> Baseline)> MeasureAsync(
        BenchmarkOptions options, LxdClient lxd, BenchPatroni patroni, LeaderKeyWatch watch, LocalApiServer server,
        BotClusterControllerSettings settings, CancellationToken cancellationToken)
    {
        await using var clusters = await BotClusterControllerHost.StartAsync(settings, NullLoggerFactory.Instance, cancellationToken);
        await using var policies = await FailoverPolicyControllerHost.StartAsync(server.BaseAddress, NullLoggerFactory.Instance, cancellationToken);
        var subject = new OperatorFailover(server, patroni);
        await subject.CreateAsync(options.Instances, LocalPorts.Free(), SetupTimeout, cancellationToken);
        try
        {
            var probes = await EnterContainersAsync(lxd, cancellationToken);
            var policySeconds = new List<double>();
            var containerSeconds = new List<double>();
            for (int run = 0; run < options.FailoverRuns; run++)
            {
                var (policy, containers) = await SwitchOverAsync(patroni, watch, subject, probes, cancellationToken);
                policySeconds.Add(policy);
                containerSeconds.Add(containers);
            }

            var baselineSeconds = await MeasureBaselineAsync(options.FailoverRuns, lxd, patroni, probes, cancellationToken);
            return (policySeconds, containerSeconds, baselineSeconds);
        }
        finally
        {
            await subject.DeleteAsync(SetupTimeout, CancellationToken.None);
        }
    }

    /// <summary>Hands the leader role to the replica and times the policy and the containers from the leader key's change.</summary>
    private static async Task<(double Policy, double Containers)> SwitchOverAsync(
        BenchPatroni patroni, LeaderKeyWatch watch, OperatorFailover subject, IReadOnlyList<ContainerProbe> probes, CancellationToken cancellationToken)
    {
        var (leader, candidate) = await patroni.WaitForSwitchoverReadyAsync(SetupTimeout, cancellationToken);
        string candidatePort = PortOf(candidate.Postgres);
        long requested = Stopwatch.GetTimestamp();

        // The waits start before the request so that they cannot miss the change, and stop with the run if it fails.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var policyNamed = subject.WaitForPolicyPrimaryAsync(candidate.Postgres, StepTimeout, run.Token);
        var containersMoved = WaitForContainersAsync(subject, probes, candidate.Postgres, candidatePort, run.Token);
        try
        {
            await patroni.SwitchoverAsync(leader.Name, candidate.Name, run.Token);
            long changed = await watch.WaitForLeaderAsync(candidate.Name, requested, StepTimeout, run.Token);
            return (Seconds(changed, await policyNamed), Seconds(changed, await containersMoved));
        }
        catch
        {
            await run.CancelAsync();
            // Both waits end with their cancellation, which is ignored, so the original error is the one thrown.
            await Task.WhenAll(policyNamed, containersMoved).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>Returns the timestamp at which the BotCluster reported the new primary and every container reached it.</summary>
    private static async Task<long> WaitForContainersAsync(
        OperatorFailover subject, IReadOnlyList<ContainerProbe> probes, string primary, string primaryPort, CancellationToken cancellationToken)
    {
        await subject.WaitForClusterDatabaseAsync(primary, StepTimeout, cancellationToken);
        await Task.WhenAll(probes.Select(probe => probe.WaitForServerAsync(DatabasePort, primaryPort, primary: true, StepTimeout, cancellationToken)));
        return Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Points a second proxy device of every container, which the operator does not manage, at one member and then at
    /// the other through the LXD API, and times each move until every container reaches the new target.
    /// </summary>
    private static async Task<List<double>> MeasureBaselineAsync(
        int runs, LxdClient lxd, BenchPatroni patroni, IReadOnlyList<ContainerProbe> probes, CancellationToken cancellationToken)
    {
        var (leader, replica) = await patroni.WaitForSwitchoverReadyAsync(SetupTimeout, cancellationToken);
        await PointBaselineDevicesAsync(lxd, probes, leader, cancellationToken);
        var samples = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            var target = run % 2 == 0 ? replica : leader;
            samples.Add(await Sampler.SecondsAsync(() => PointBaselineDevicesAsync(lxd, probes, target, cancellationToken)));
        }

        return samples;
    }

    private static async Task PointBaselineDevicesAsync(LxdClient lxd, IReadOnlyList<ContainerProbe> probes, PatroniMember target, CancellationToken cancellationToken)
    {
        var device = new Dictionary<string, string>
        {
            ["type"] = "proxy",
            ["listen"] = $"tcp:127.0.0.1:{BaselinePort}",
            ["connect"] = $"tcp:{target.Postgres}",
            ["bind"] = "instance",
        };
        await Task.WhenAll(probes.Select(probe => lxd.SetDeviceAsync(Project, probe.Instance, BaselineDevice, device, cancellationToken)));
        await Task.WhenAll(probes.Select(probe =>
            probe.WaitForServerAsync(BaselinePort, PortOf(target.Postgres), primary: target.IsLeader, StepTimeout, cancellationToken)));
    }

    private static async Task<List<ContainerProbe>> EnterContainersAsync(LxdClient lxd, CancellationToken cancellationToken)
    {
        var probes = new List<ContainerProbe>();
        foreach (var instance in await lxd.ListInstancesAsync(Project, includeState: false, cancellationToken))
        {
            var state = await lxd.GetInstanceStateAsync(Project, instance.Name, cancellationToken);
            probes.Add(state.Pid > 0
                ? new ContainerProbe(instance.Name, state.Pid)
                : throw new InvalidOperationException($"Instance {instance.Name} has no init process; it is {state.Status}."));
        }

        return probes;
    }

    private static BotClusterControllerSettings Settings(string socket, string caddyUrl, Uri apiServer) => new()
    {
        ApiServer = apiServer,
        LxdSocket = socket,
        CaddyAdminUrl = new Uri(caddyUrl),
        Reconciler = new BotClusterReconcilerOptions { LxdProject = Project, FirstHostPort = 43000, LastHostPort = 43999 },
    };

    /// <summary>Deletes every instance a run that failed half-way left in the benchmark project.</summary>
    private static async Task RemoveLeftoversAsync(LxdClient lxd)
    {
        var leftovers = await lxd.ListInstancesAsync(Project, includeState: false, CancellationToken.None);
        await Task.WhenAll(leftovers.Select(instance => ProcessRunner.RunAsync(
            "lxc", ["delete", "--force", instance.Name, "--project", Project], TimeSpan.FromMinutes(2), CancellationToken.None)));
    }

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private static string PortOf(string endpoint) => endpoint[(endpoint.LastIndexOf(':') + 1)..];

    private CaseResult Result(BenchmarkOptions options, List<double> policySeconds, List<double> containerSeconds, List<double> baselineSeconds)
    {
        string instances = options.Instances.ToString(CultureInfo.InvariantCulture);
        var baseline = Measurement.Of($"{instances} parallel LXD device updates + reach check", "s", baselineSeconds);
        return new CaseResult
        {
            Case = Name,
            Description = Description,
            Comparisons =
            [
                Comparison.Of($"leader key to {instances} containers re-pointed", Measurement.Of("FailoverPolicy + BotCluster controllers", "s", containerSeconds), baseline),
            ],
            Measurements = [Measurement.Of("leader key to FailoverPolicy status.primary", "s", policySeconds)],
            Settings = new Dictionary<string, string>
            {
                ["instances"] = instances,
                ["runs"] = options.FailoverRuns.ToString(CultureInfo.InvariantCulture),
                ["Patroni"] = "2 members, PostgreSQL 15, from hack/patroni.sh with its own etcd",
                ["trigger"] = "Patroni switchover (POST /switchover) to the caught-up replica",
                ["LXD project"] = Project,
            },
            Notes =
            [
                "Each time runs from the moment a dotnet-etcd watch of the benchmark received the put of the new leader's name on Patroni's leader key.",
                "The containers' time ends when the BotCluster's status.endpoints.database names the new primary and psql, run inside each "
                    + "container's network namespace, gets the new primary's port and pg_is_in_recovery() = false on 127.0.0.1:5432.",
                "Patroni promotes the new leader after it takes the key, so the containers' time includes the promotion; the baseline moves a "
                    + "second proxy device (127.0.0.1:15432 inside each container) between the two running members with one PATCH per container "
                    + "in parallel and ends when psql in every container gets the target's port and role, so the ratio is the operator's cost of noticing and re-pointing plus the promotion.",
                "The FailoverPolicy controller watches the same leader key in etcd; the policy and cluster are read through the API server every 20 ms.",
            ],
        };
    }
}
