using System.Net;
using GbOperator.Infrastructure.Resilience;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace GbOperator.Infrastructure.Sentinel;

/// <summary>
/// Client of a set of Redis Sentinels: asks each one for the address of a master and follows <c>+switch-master</c>.
/// </summary>
/// <remarks>
/// Each Sentinel gets its own connection, so one that is down or stale does not hide the others and every one of
/// them can publish <c>+switch-master</c>. Pub/sub messages sent while a connection is down are lost, so
/// <c>onNotice</c> also runs when a connection is restored, and the caller queries again. Queries go through a
/// <see cref="BackendPipeline"/>. Dispose the client to close the connections.
/// </remarks>
public sealed class SentinelClient : IAsyncDisposable
{
    private const string SwitchMasterChannel = "+switch-master";

    private readonly IReadOnlyList<(string Endpoint, ConnectionMultiplexer Connection)> _sentinels;
    private readonly string _masterName;
    private readonly BackendPipeline _pipeline;
    private readonly ILogger _logger;

    private SentinelClient(
        IReadOnlyList<(string, ConnectionMultiplexer)> sentinels, string masterName, BackendPipeline pipeline, ILogger logger)
    {
        _sentinels = sentinels;
        _masterName = masterName;
        _pipeline = pipeline;
        _logger = logger;
    }

    /// <summary>State of the circuit in front of the Sentinels.</summary>
    public BreakerState CircuitState => _pipeline.State;

    /// <summary>Connects to every Sentinel and subscribes to <c>+switch-master</c> on each.</summary>
    /// <param name="endpoints">Sentinels as <c>host:port</c>.</param>
    /// <param name="masterName">Name of the monitored master, as in <c>sentinel monitor</c>.</param>
    /// <param name="pipeline">Circuit breaker and timeout in front of every query.</param>
    /// <param name="onNotice">Runs on a <c>+switch-master</c> for <paramref name="masterName"/> and when a connection is restored; must be quick.</param>
    /// <param name="logger">Logger of notices and failures.</param>
    /// <param name="cancellationToken">Cancels the connecting.</param>
    /// <remarks>A Sentinel that is down does not fail the call: its connection keeps retrying in the background.</remarks>
    public static async Task<SentinelClient> ConnectAsync(
        IReadOnlyList<string> endpoints, string masterName, BackendPipeline pipeline, Action onNotice, ILogger logger, CancellationToken cancellationToken)
    {
        if (endpoints.Count == 0)
        {
            throw new ArgumentException("Give at least one Sentinel endpoint.", nameof(endpoints));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(masterName);
        var sentinels = new List<(string, ConnectionMultiplexer)>();
        try
        {
            foreach (string endpoint in endpoints)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var connection = await ConnectionMultiplexer.SentinelConnectAsync(Options(endpoint, pipeline.Settings.AttemptTimeout));
                sentinels.Add((endpoint, connection));
                connection.ConnectionRestored += (_, _) =>
                {
                    SentinelLog.ConnectionRestored(logger, endpoint);
                    onNotice();
                };
                // Fire-and-forget, because a Sentinel that is down would fail the call. The multiplexer keeps the
                // subscription and sends it again whenever the connection is (re)established.
                await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(SwitchMasterChannel), (_, payload) =>
                {
                    // The payload is "<master-name> <old-ip> <old-port> <new-ip> <new-port>".
                    string text = payload.ToString();
                    if (text.Split(' ')[0] == masterName)
                    {
                        SentinelLog.SwitchMaster(logger, endpoint, text);
                        onNotice();
                    }
                }, CommandFlags.FireAndForget).ConfigureAwait(false);
            }
        }
        catch
        {
            foreach (var (_, connection) in sentinels)
            {
                await connection.DisposeAsync();
            }

            throw;
        }

        return new SentinelClient(sentinels, masterName, pipeline, logger);
    }

    /// <summary>Asks every Sentinel at once for the master's address.</summary>
    /// <exception cref="SentinelUnavailableException">No Sentinel responded, or the circuit is open.</exception>
    public async Task<SentinelView> GetMasterViewAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                var answers = await Task.WhenAll(_sentinels.Select(sentinel => AskAsync(sentinel.Endpoint, sentinel.Connection, token)));
                var view = new SentinelView(answers);
                if (view.Reachable == 0)
                {
                    throw new SentinelUnavailableException(
                        $"No Sentinel returned the master {_masterName}: {string.Join("; ", answers.Select(answer => $"{answer.Sentinel}: {answer.Error}"))}.");
                }

                return view;
            }, cancellationToken);
        }
        catch (BrokenCircuitException exception)
        {
            throw new SentinelUnavailableException(
                $"The circuit to the Sentinels is open after repeated failures; the controller asks again after {_pipeline.Settings.BreakDuration}.", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new SentinelUnavailableException($"The Sentinels did not respond within {_pipeline.Settings.AttemptTimeout}.", exception);
        }
    }

    /// <summary>Closes every Sentinel connection.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (_, connection) in _sentinels)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<SentinelAnswer> AskAsync(string endpoint, ConnectionMultiplexer connection, CancellationToken cancellationToken)
    {
        try
        {
            IServer server = connection.GetServer(endpoint);
            EndPoint? master = await server.SentinelGetMasterAddressByNameAsync(_masterName).WaitAsync(cancellationToken);
            return new SentinelAnswer(endpoint, master is null ? null : Format(master), null);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ArgumentException)
        {
            SentinelLog.QueryFailed(_logger, endpoint, _masterName, exception.Message);
            return new SentinelAnswer(endpoint, null, exception.Message);
        }
    }

    private static string Format(EndPoint endpoint) => endpoint switch
    {
        IPEndPoint ip => $"{ip.Address}:{ip.Port}",
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? "",
    };

    private static ConfigurationOptions Options(string endpoint, TimeSpan timeout)
    {
        int milliseconds = (int)Math.Clamp(timeout.TotalMilliseconds, 500, 30_000);
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            ConnectTimeout = milliseconds,
            SyncTimeout = milliseconds,
            AsyncTimeout = milliseconds,
            ConnectRetry = 1,
            ReconnectRetryPolicy = new LinearRetry(1000),

            // A query to a Sentinel that is down fails at once instead of waiting in the backlog until it times out.
            BacklogPolicy = BacklogPolicy.FailFast,
        };
        options.EndPoints.Add(endpoint);
        return options;
    }
}
