using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GbOperator.Controllers.BotClusters.Failover;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources.BotClusters;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Creates, configures and starts the LXD instances of a BotCluster.</summary>
internal sealed class InstanceLauncher(ILxdClient lxd, BotClusterReconcilerOptions options, Random random, ILogger<InstanceLauncher> logger)
{
    /// <summary>Path of botserver's environment file, which it reads at start.</summary>
    public const string EnvFilePath = "/opt/gbo/bin/.env";

    private const string DiskPriorityKey = "limits.disk.priority";

    /// <summary>Creates one instance with its limits, owner keys and proxy devices, writes its .env and starts it.</summary>
    /// <param name="usedPorts">Host ports of every instance in the project; the new port is added to it.</param>
    /// <param name="endpoints">The database and cache endpoints the instance starts with.</param>
    /// <returns>The new instance's name, and the limit that LXD rejected at start, or <c>null</c> when every limit applied.</returns>
    public async Task<(string Name, string? LimitsNotApplied)> LaunchAsync(
        BotCluster cluster, string specHash, ISet<int> usedPorts, EndpointPlan endpoints, CancellationToken cancellationToken)
    {
        var spec = cluster.Spec;
        int port = HostPortAllocator.Allocate(options.FirstHostPort, options.LastHostPort, (IReadOnlySet<int>)usedPorts, IsFreeOnHost)
            ?? throw new InvalidOperationException(
                $"No free host port is left between {options.FirstHostPort} and {options.LastHostPort}; widen the range or delete instances.");
        usedPorts.Add(port);

        string name = InstanceNames.Generate(cluster.Metadata.Name, random);
        var config = new Dictionary<string, string>
        {
            [InstanceKeys.OwnerKind] = BotCluster.KindName,
            [InstanceKeys.OwnerNamespace] = cluster.Metadata.NamespaceProperty,
            [InstanceKeys.OwnerName] = cluster.Metadata.Name,
            [InstanceKeys.OwnerUid] = cluster.Metadata.Uid,
            [InstanceKeys.HostPort] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [InstanceKeys.SpecHash] = specHash,
        };
        if (spec.Limits.Cpu is { } cpu)
        {
            config["limits.cpu"] = cpu;
        }

        if (spec.Limits.Memory is { } memory)
        {
            config["limits.memory"] = memory;
        }

        if (spec.Limits.DiskPriority is { } diskPriority)
        {
            config[DiskPriorityKey] = diskPriority.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var devices = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [InstanceKeys.ProxyDevice] = LxdDevices.Proxy(port, spec.Port),
        };
        foreach (var (deviceName, device) in endpoints.Devices)
        {
            if (device is not null)
            {
                devices[deviceName] = device;
            }
        }

        await lxd.CreateInstanceAsync(
            options.LxdProject,
            new LxdInstanceSpec { Name = name, ImageAlias = spec.Image, Config = config, Devices = devices },
            cancellationToken);
        BotClusterLog.InstanceCreated(logger, name, spec.Image, port);

        string? limitsNotApplied = await StartAsync(name, spec, endpoints, cancellationToken);
        return (name, limitsNotApplied);
    }

    /// <summary>Writes the .env file and starts the instance; removes a disk priority that the kernel cannot apply.</summary>
    /// <returns>The removed limit and LXD's error, or <c>null</c> when every limit applied.</returns>
    public async Task<string?> StartAsync(string name, BotClusterSpec spec, EndpointPlan endpoints, CancellationToken cancellationToken)
    {
        string env = RenderEnv(spec, endpoints.Env);
        await lxd.PushFileAsync(options.LxdProject, name, EnvFilePath, Encoding.UTF8.GetBytes(env), LxdFileOwnership.RootReadable, cancellationToken);

        // NOTE: when another process took the recorded host port, the start fails on every pass until the port
        // is free again, because the port is kept in user.gbo.host-port and not reallocated.
        string? limitsNotApplied = null;
        try
        {
            await lxd.StartInstanceAsync(options.LxdProject, name, cancellationToken);
        }
        catch (LxdException exception) when (exception.LxdError.Contains(DiskPriorityKey, StringComparison.Ordinal))
        {
            // LXD accepts the key at creation but fails the start when the kernel lacks the blkio.weight cgroup.
            BotClusterLog.LimitRejected(logger, DiskPriorityKey, name, exception.LxdError);
            limitsNotApplied = $"{DiskPriorityKey}: {exception.LxdError}";
            await lxd.SetConfigAsync(
                options.LxdProject,
                name,
                new Dictionary<string, string?>
                {
                    [DiskPriorityKey] = null,
                    [InstanceKeys.LimitsNotApplied] = limitsNotApplied,
                },
                cancellationToken);
            await lxd.StartInstanceAsync(options.LxdProject, name, cancellationToken);
        }

        // Recorded after the start, because LXD rejects any config update of a stopped instance whose disk
        // priority the kernel cannot apply.
        await lxd.SetConfigAsync(options.LxdProject, name, new Dictionary<string, string?> { [InstanceKeys.EnvHash] = HashEnv(env) }, cancellationToken);
        BotClusterLog.InstanceStarted(logger, name);
        return limitsNotApplied;
    }

    /// <summary>Renders <c>PORT</c> and the spec's environment as KEY=VALUE lines, sorted by key.</summary>
    public static string RenderEnv(BotClusterSpec spec) => RenderEnv(spec, new Dictionary<string, string>());

    /// <summary>
    /// Renders <c>PORT</c>, the spec's environment and <paramref name="overrides"/> as KEY=VALUE lines, sorted by key;
    /// an override replaces the spec's entry of the same key.
    /// </summary>
    public static string RenderEnv(BotClusterSpec spec, IReadOnlyDictionary<string, string> overrides)
    {
        var entries = new Dictionary<string, string>(spec.Env, StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            entries[key] = value;
        }

        var text = new StringBuilder();
        text.Append("PORT=").Append(spec.Port).Append('\n');
        foreach (var (key, value) in entries.Where(pair => pair.Key != "PORT").OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Returns a short hex hash of rendered .env text, which <see cref="InstanceKeys.EnvHash"/> records.</summary>
    public static string HashEnv(string env) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(env)))[..16];

    /// <summary>Whether nothing listens on 127.0.0.1:<paramref name="port"/>, such as an instance of another project.</summary>
    private static bool IsFreeOnHost(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
