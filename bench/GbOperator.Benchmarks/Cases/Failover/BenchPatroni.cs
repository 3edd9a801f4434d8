using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GbOperator.Benchmarks.Cases.Failover;

/// <summary>
/// The failover case's own Patroni cluster, started and stopped with <c>hack/patroni.sh</c> in a folder of its own,
/// with the REST API calls the case needs.
/// </summary>
internal sealed class BenchPatroni : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly string _folder;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private BenchPatroni(string folder, PatroniExports exports)
    {
        _folder = folder;
        Exports = exports;
    }

    public PatroniExports Exports { get; }

    /// <summary>Starts a new cluster in <paramref name="folder"/>, which must not exist yet, and waits for a leader.</summary>
    /// <remarks>A start that fails half-way is stopped, so no etcd or member is left running.</remarks>
    /// <exception cref="InvalidOperationException"><paramref name="folder"/> exists, so it may belong to another cluster.</exception>
    public static async Task<BenchPatroni> StartAsync(string folder, CancellationToken cancellationToken)
    {
        if (Path.Exists(folder))
        {
            throw new InvalidOperationException(
                $"Patroni folder {folder} exists, and the failover case deletes its folder after the run. Pass a new --patroni-dir, "
                + $"or stop a cluster left by an interrupted run with 'hack/patroni.sh stop {folder}' and remove the folder.");
        }

        try
        {
            string output = await ProcessRunner.RunCheckedAsync("bash", ["hack/patroni.sh", "start", folder], ScriptTimeout, cancellationToken);
            return new BenchPatroni(folder, PatroniExports.Parse(output));
        }
        catch
        {
            await StopAsync(folder);
            throw;
        }
    }

    /// <summary>Reads the members from the first member that responds to <c>GET /cluster</c>.</summary>
    public async Task<IReadOnlyList<PatroniMember>> MembersAsync(CancellationToken cancellationToken)
    {
        Exception? last = null;
        foreach (var endpoint in Exports.Endpoints)
        {
            try
            {
                var body = await _http.GetFromJsonAsync<JsonObject>(new Uri(endpoint, "cluster"), cancellationToken);
                return [.. (body?["members"]?.AsArray() ?? []).OfType<JsonObject>().Select(ToMember)];
            }
            catch (HttpRequestException exception)
            {
                last = exception;
            }
        }

        throw new InvalidOperationException($"No Patroni member responded to GET /cluster ({last?.Message}); check the members' patroni.log under the case's Patroni folder.");
    }

    /// <summary>Waits until one member leads and every other member is a caught-up replica.</summary>
    public async Task<(PatroniMember Leader, PatroniMember Candidate)> WaitForSwitchoverReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        IReadOnlyList<PatroniMember> members = [];
        try
        {
            while (true)
            {
                members = await MembersAsync(deadline.Token);
                var leader = members.SingleOrDefault(member => member.IsLeader && member.State == "running");
                if (leader is not null && members.Count > 1 && members.Where(member => member != leader).All(member => member.IsCaughtUp))
                {
                    return (leader, members.First(member => member != leader));
                }

                // A poll interval between reads of /cluster, not a synchronisation: the loop ends on the condition.
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Patroni had no leader with caught-up replicas within {timeout.TotalSeconds:0} s; members: {string.Join(", ", members)}");
        }
    }

    /// <summary>Asks Patroni to hand the leader role from <paramref name="leader"/> to <paramref name="candidate"/>.</summary>
    public async Task SwitchoverAsync(string leader, string candidate, CancellationToken cancellationToken)
    {
        // Patroni's REST API needs a Content-Length, so the body is buffered rather than streamed.
        using var body = JsonContent.Create(new { leader, candidate });
        await body.LoadIntoBufferAsync(cancellationToken);
        using var response = await _http.PostAsync(new Uri(Exports.Endpoints[0], "switchover"), body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Patroni refused the switchover from {leader} to {candidate} with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Stops every member and Patroni's etcd with <c>hack/patroni.sh stop</c>, then deletes the folder.</summary>
    /// <remarks>
    /// hack/patroni.sh reuses the ports stored in a folder when nothing listens on them, and a port that a client
    /// connection took in the meantime makes the next start fail, so every run starts in an empty folder.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await StopAsync(_folder);
        Directory.Delete(_folder, recursive: true);
    }

    private static Task<string> StopAsync(string folder) =>
        ProcessRunner.RunCheckedAsync("bash", ["hack/patroni.sh", "stop", folder], ScriptTimeout, CancellationToken.None);

    private static PatroniMember ToMember(JsonObject member) => new(
        Name: member["name"]?.GetValue<string>() ?? "",
        Role: member["role"]?.GetValue<string>() ?? "",
        State: member["state"]?.GetValue<string>() ?? "",
        Postgres: $"{member["host"]?.GetValue<string>()}:{member["port"]?.GetValue<int>()}",
        Lag: member["lag"] is JsonValue lag && lag.TryGetValue(out long bytes) ? bytes : null);
}
