using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GbOperator.Infrastructure.Redis;

/// <summary>StackExchange.Redis implementation of <see cref="IRedisClusterInspector"/>; connects to one node per call.</summary>
public sealed class RedisClusterInspector(TimeSpan timeout, ILogger<RedisClusterInspector> logger) : IRedisClusterInspector
{
    /// <inheritdoc/>
    public async Task<RedisNodeReport> InspectAsync(string endpoint, CancellationToken cancellationToken)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { endpoint },
            AbortOnConnectFail = true,
            ConnectTimeout = (int)timeout.TotalMilliseconds,
            SyncTimeout = (int)timeout.TotalMilliseconds,
            AsyncTimeout = (int)timeout.TotalMilliseconds,
            ConnectRetry = 1,
            ClientName = "gb-operator",
        };
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(cancellationToken);
            var server = connection.GetServer(endpoint);
            var info = (string?)await server.ExecuteAsync("CLUSTER", "INFO").WaitAsync(cancellationToken) ?? "";
            var nodes = (string?)await server.ExecuteAsync("CLUSTER", "NODES").WaitAsync(cancellationToken) ?? "";
            var fields = ParseInfo(info);
            var (served, failed) = ParseNodes(nodes);
            return new RedisNodeReport(
                endpoint,
                true,
                fields.GetValueOrDefault("cluster_state"),
                int.TryParse(fields.GetValueOrDefault("cluster_slots_ok"), NumberStyles.None, CultureInfo.InvariantCulture, out var slotsOk) ? slotsOk : 0,
                served,
                failed,
                null);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            RedisLog.NodeUnreachable(logger, exception, endpoint);
            return new RedisNodeReport(endpoint, false, null, 0, 0, [], exception.Message);
        }
    }

    /// <summary>Parses the <c>name:value</c> lines of <c>CLUSTER INFO</c>.</summary>
    internal static Dictionary<string, string> ParseInfo(string info) =>
        info.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[1], StringComparer.Ordinal);

    /// <summary>
    /// Reads the line flagged <c>myself</c> of <c>CLUSTER NODES</c> for the slots this node serves, and every master flagged
    /// <c>fail</c> or <c>fail?</c>.
    /// </summary>
    /// <remarks>
    /// A line is <c>id host:port@cport[,hostname] flags master-id ping pong epoch link slot...</c>; a slot item is a number,
    /// a <c>start-end</c> range, or a bracketed migration that counts for no slot.
    /// </remarks>
    internal static (int SlotsServed, IReadOnlyList<string> FailedMasters) ParseNodes(string nodes)
    {
        var served = 0;
        var failed = new List<string>();
        foreach (var line in nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length < 8)
            {
                continue;
            }

            var flags = parts[2].Split(',');
            var address = parts[1].Split('@')[0];
            if (flags.Contains("master") && (flags.Contains("fail") || flags.Contains("fail?")))
            {
                failed.Add(address);
            }

            if (flags.Contains("myself") && flags.Contains("master"))
            {
                served += parts.Skip(8).Sum(CountSlots);
            }
        }

        return (served, failed);
    }

    private static int CountSlots(string item)
    {
        if (item.StartsWith('['))
        {
            return 0;
        }

        var dash = item.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? 1
            : int.Parse(item[(dash + 1)..], CultureInfo.InvariantCulture) - int.Parse(item[..dash], CultureInfo.InvariantCulture) + 1;
    }
}
