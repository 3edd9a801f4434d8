using System.Globalization;
using GbOperator.Infrastructure.Lxd;

namespace GbOperator.EndToEnd.Tests.Failover;

/// <summary>
/// Runs host programs inside a container's network namespace with <c>nsenter</c>, so that 127.0.0.1:5432 and
/// 127.0.0.1:6379 are the container's own endpoint devices.
/// </summary>
internal sealed class ContainerNetwork
{
    private readonly string _pid;

    private ContainerNetwork(string instance, long pid)
    {
        Instance = instance;
        _pid = pid.ToString(CultureInfo.InvariantCulture);
    }

    public string Instance { get; }

    /// <summary>Finds the PID of the container's init process from LXD's state.</summary>
    public static async Task<ContainerNetwork> EnterAsync(LxdClient lxd, string project, string instance)
    {
        var state = await lxd.GetInstanceStateAsync(project, instance, CancellationToken.None);
        if (state.Pid <= 0)
        {
            throw new InvalidOperationException($"Instance {instance} has no init process; it is {state.Status}.");
        }

        return new ContainerNetwork(instance, state.Pid);
    }

    /// <summary>Runs SQL through the container's 127.0.0.1:5432.</summary>
    public Task<CommandResult> QueryPostgresAsync(string sql) =>
        CommandLine.RunAsync("nsenter", ["-t", _pid, "-n", .. PsqlArguments, "-c", sql], PsqlEnvironment("gbo-test"));

    /// <summary>Runs one Redis command through the container's 127.0.0.1:6379.</summary>
    public Task<CommandResult> RedisAsync(params string[] command) =>
        CommandLine.RunAsync("nsenter", ["-t", _pid, "-n", "redis-cli", "-h", "127.0.0.1", "-p", "6379", .. command]);

    /// <summary>Opens a psql session through the container's 127.0.0.1:5432 that stays open until it is disposed.</summary>
    public HeldConnection HoldPostgres(string applicationName) =>
        HeldConnection.Start("nsenter", ["-t", _pid, "-n", .. PsqlArguments], PsqlEnvironment(applicationName));

    /// <summary>Opens a redis-cli session through the container's 127.0.0.1:6379 that stays open until it is disposed.</summary>
    public HeldConnection HoldRedis() =>
        HeldConnection.Start("nsenter", ["-t", _pid, "-n", "redis-cli", "-h", "127.0.0.1", "-p", "6379"], new Dictionary<string, string>());

    private static string[] PsqlArguments => ["psql", "-X", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", "postgres", "-At"];

    private static Dictionary<string, string> PsqlEnvironment(string applicationName) => new()
    {
        ["PGAPPNAME"] = applicationName,
        ["PGCONNECT_TIMEOUT"] = "5",
    };
}
