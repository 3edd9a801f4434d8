using System.Diagnostics;
using System.Text.RegularExpressions;
using GbOperator.Controllers.Monitoring;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources.BotClusters;
using k8s.Models;

namespace GbOperator.Controllers.Tests.Monitoring;

/// <summary>
/// <c>manifests/monitoring/alerting-rules.yaml</c>, checked by promtool from Debian's <c>prometheus</c> package, which
/// <c>hack/install-deps.sh</c> installs.
/// </summary>
public partial class AlertingRulesTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "manifests", "monitoring");

    [Fact]
    public async Task PromtoolCheckRules_AlertingRules_Succeeds()
    {
        var (exitCode, output) = await RunPromtoolAsync("check", "rules", "alerting-rules.yaml");

        exitCode.Should().Be(0, output);
        output.Should().Contain("SUCCESS: 3 rules found");
    }

    [Fact]
    public async Task PromtoolTestRules_AlertingRules_Pass()
    {
        var (exitCode, output) = await RunPromtoolAsync("test", "rules", "alerting-rules.test.yaml");

        exitCode.Should().Be(0, output);
    }

    [Fact]
    public async Task AlertingRules_UseOnlySeriesTheOperatorExports()
    {
        string rules = await File.ReadAllTextAsync(Path.Combine(Folder, "alerting-rules.yaml"));
        var used = SeriesName().Matches(rules).Select(match => match.Value).Distinct().ToList();
        string exported = await ExportEverySeriesAsync();

        used.Should().BeEquivalentTo(["gbo_botcluster_cpu_usage_percent", "gbo_botcluster_instances", "gbo_botcluster_max_instances", "gbo_autoscaler_scaling_errors_total"]);
        foreach (string series in used)
        {
            exported.Should().Contain($"\n{series}{{", $"the operator exports {series}");
        }
    }

    /// <summary>Records one value of every cluster series, so each appears in the export.</summary>
    private static async Task<string> ExportEverySeriesAsync()
    {
        var cluster = new BotCluster
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" },
            Spec = new BotClusterSpec { Autoscaling = new AutoscalingSpec { Enabled = true } },
        };
        var metrics = new OperatorMetrics();
        metrics.RecordCluster(cluster, new BotClusterStatus { CurrentReplicas = 1 });
        metrics.RecordSample(cluster, new Controllers.Autoscaling.MetricSample(DateTimeOffset.UnixEpoch, 50, 50, 10, TimeSpan.FromSeconds(1), null, []));
        metrics.RecordScalingError(cluster);
        metrics.ReconcileFinished("botclusters", ReconcileOutcome.Success, TimeSpan.Zero);
        using var stream = new MemoryStream();
        await metrics.ExportAsync(stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<(int ExitCode, string Output)> RunPromtoolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("promtool") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("promtool is not installed: run hack/install-deps.sh, which installs Debian's prometheus package.", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GbOperator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains GbOperator.sln.");
    }

    [GeneratedRegex("gbo_[a-z_]+")]
    private static partial Regex SeriesName();
}
