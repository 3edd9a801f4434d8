using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>
/// <see cref="ILxdClient"/> over LXD's REST API on its unix socket, checked against LXD 5.0.2.
/// </summary>
/// <remarks>Thread-safe; create one per socket and dispose it with the host.</remarks>
public sealed class LxdClient : ILxdClient, IDisposable
{
    private readonly LxdTransport _transport;
    private readonly LxdClientOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a client for the socket in <paramref name="options"/>; it connects at the first call.</summary>
    /// <param name="timeProvider">Clock for timeouts, backoff and operation deadlines; null uses the system clock.</param>
    public LxdClient(LxdClientOptions options, ILogger<LxdClient>? logger = null, TimeProvider? timeProvider = null)
        : this(options, logger ?? (ILogger)NullLogger.Instance, timeProvider ?? TimeProvider.System, handler: null)
    {
    }

    internal LxdClient(LxdClientOptions options, ILogger logger, TimeProvider timeProvider, HttpMessageHandler? handler)
    {
        _options = options;
        _logger = logger;
        _transport = new LxdTransport(options, timeProvider, logger, handler);
    }

    /// <inheritdoc/>
    public async Task CreateProjectAsync(string project, string description, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["name"] = project,
            ["description"] = description,
            ["config"] = new Dictionary<string, string>
            {
                // A new project otherwise has its own empty image store and an empty default profile.
                ["features.images"] = "false",
                ["features.profiles"] = "false",
            },
        };
        await _transport.SendSyncAsync(new LxdCall("create project", project, null, Idempotent: false), HttpMethod.Post, "/1.0/projects", body, null, cancellationToken);
        LxdLog.ProjectCreated(_logger, project);
    }

    /// <inheritdoc/>
    public async Task DeleteProjectAsync(string project, CancellationToken cancellationToken)
    {
        await _transport.SendSyncAsync(
            new LxdCall("delete project", project, null, Idempotent: true), HttpMethod.Delete, $"/1.0/projects/{Escape(project)}", null, null, cancellationToken);
        LxdLog.ProjectDeleted(_logger, project);
    }

    /// <inheritdoc/>
    public async Task<bool> ProjectExistsAsync(string project, CancellationToken cancellationToken)
    {
        try
        {
            await _transport.SendSyncAsync(
                new LxdCall("get project", project, null, Idempotent: true), HttpMethod.Get, $"/1.0/projects/{Escape(project)}", null, null, cancellationToken);
            return true;
        }
        catch (LxdNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LxdInstance>> ListInstancesAsync(string project, bool includeState, CancellationToken cancellationToken)
    {
        JsonElement metadata = await _transport.SendSyncAsync(
            new LxdCall("list instances", project, null, Idempotent: true),
            HttpMethod.Get,
            $"/1.0/instances?recursion={(includeState ? 2 : 1)}",
            null,
            null,
            cancellationToken);
        return metadata.Deserialize<List<LxdInstance>>(LxdJson.Options) ?? [];
    }

    /// <inheritdoc/>
    public async Task<LxdInstance> GetInstanceAsync(string project, string name, CancellationToken cancellationToken)
    {
        (JsonElement metadata, string etag) = await GetInstanceJsonAsync(new LxdCall("get instance", project, name, Idempotent: true), cancellationToken);
        LxdInstance instance = metadata.Deserialize<LxdInstance>(LxdJson.Options)
            ?? throw new LxdException("get instance", project, name, "LXD returned no instance object");
        return instance with { ETag = etag };
    }

    /// <inheritdoc/>
    public async Task CreateInstanceAsync(string project, LxdInstanceSpec spec, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["name"] = spec.Name,
            ["type"] = "container",
            ["source"] = new Dictionary<string, string> { ["type"] = "image", ["alias"] = spec.ImageAlias },
            ["profiles"] = spec.Profiles,
            ["config"] = spec.Config,
            ["devices"] = spec.Devices,
        };
        var call = new LxdCall("create instance", project, spec.Name, Idempotent: false);
        try
        {
            await _transport.SendAndWaitAsync(call, HttpMethod.Post, "/1.0/instances", body, null, cancellationToken);
        }
        catch (LxdNotFoundException exception)
        {
            // LXD resolves the alias before it starts the operation, and its text does not name the alias.
            throw new LxdNotFoundException(call.Operation, project, spec.Name, $"{exception.LxdError}: '{spec.ImageAlias}'");
        }

        LxdLog.InstanceCreated(_logger, spec.Name, project, spec.ImageAlias);
    }

    /// <inheritdoc/>
    public async Task StartInstanceAsync(string project, string name, CancellationToken cancellationToken)
    {
        LxdInstance instance = await GetInstanceAsync(project, name, cancellationToken);
        if (instance.IsRunning)
        {
            return;
        }

        await ChangeStateAsync(new LxdCall("start instance", project, name, Idempotent: false), "start", timeout: null, force: false, cancellationToken);
        LxdLog.InstanceStarted(_logger, name, project);
    }

    /// <inheritdoc/>
    public async Task StopInstanceAsync(string project, string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        LxdInstance instance = await GetInstanceAsync(project, name, cancellationToken);
        if (instance.StatusCode == LxdStatusCodes.Stopped)
        {
            return;
        }

        await ChangeStateWithForceAsync(new LxdCall("stop instance", project, name, Idempotent: false), "stop", timeout, cancellationToken);
        LxdLog.InstanceStopped(_logger, name, project);
    }

    /// <inheritdoc/>
    public async Task RestartInstanceAsync(string project, string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await ChangeStateWithForceAsync(new LxdCall("restart instance", project, name, Idempotent: false), "restart", timeout, cancellationToken);
        LxdLog.InstanceRestarted(_logger, name, project);
    }

    /// <inheritdoc/>
    public async Task DeleteInstanceAsync(string project, string name, CancellationToken cancellationToken)
    {
        await _transport.SendAndWaitAsync(
            new LxdCall("delete instance", project, name, Idempotent: true), HttpMethod.Delete, InstancePath(name), null, null, cancellationToken);
        LxdLog.InstanceDeleted(_logger, name, project);
    }

    /// <inheritdoc/>
    public async Task SetDeviceAsync(
        string project, string name, string deviceName, IReadOnlyDictionary<string, string> device, CancellationToken cancellationToken)
    {
        // PATCH merges devices by name and replaces the named device whole.
        var body = new Dictionary<string, object>
        {
            ["devices"] = new Dictionary<string, IReadOnlyDictionary<string, string>> { [deviceName] = device },
        };
        var call = new LxdCall("set device", project, name, Idempotent: true);
        await UpdateWithEtagAsync(call, (_, etag) => _transport.SendSyncAsync(call, HttpMethod.Patch, InstancePath(name), body, IfMatch(etag), cancellationToken), cancellationToken);
        LxdLog.DeviceSet(_logger, deviceName, name, project);
    }

    /// <inheritdoc/>
    public async Task RemoveDeviceAsync(string project, string name, string deviceName, CancellationToken cancellationToken)
    {
        // PATCH cannot delete a device, so the whole configuration is written back with PUT.
        var call = new LxdCall("remove device", project, name, Idempotent: true);
        bool removed = false;
        await UpdateWithEtagAsync(
            call,
            async (current, etag) =>
            {
                JsonObject put = ToInstancePut(current);
                if (put["devices"] is not JsonObject devices || !devices.Remove(deviceName))
                {
                    removed = false;
                    return default;
                }

                removed = true;
                return await _transport.SendAndWaitAsync(call, HttpMethod.Put, InstancePath(name), put, IfMatch(etag), cancellationToken);
            },
            cancellationToken);

        if (removed)
        {
            LxdLog.DeviceRemoved(_logger, deviceName, name, project);
        }
    }

    /// <inheritdoc/>
    public async Task SetConfigAsync(string project, string name, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken)
    {
        // PATCH keeps keys it is not sent and deletes a key sent with an empty value.
        var config = changes.ToDictionary(pair => pair.Key, pair => pair.Value ?? string.Empty, StringComparer.Ordinal);
        var body = new Dictionary<string, object> { ["config"] = config };
        var call = new LxdCall("set config", project, name, Idempotent: true);
        await UpdateWithEtagAsync(call, (_, etag) => _transport.SendSyncAsync(call, HttpMethod.Patch, InstancePath(name), body, IfMatch(etag), cancellationToken), cancellationToken);
        string keys = string.Join(',', config.Keys);
        LxdLog.ConfigSet(_logger, keys, name, project);
    }

    /// <inheritdoc/>
    public async Task PushFileAsync(
        string project, string name, string path, ReadOnlyMemory<byte> content, LxdFileOwnership ownership, CancellationToken cancellationToken)
    {
        byte[] bytes = content.ToArray();
        var headers = new Dictionary<string, string>
        {
            ["X-LXD-uid"] = ownership.Uid.ToString(CultureInfo.InvariantCulture),
            ["X-LXD-gid"] = ownership.Gid.ToString(CultureInfo.InvariantCulture),
            // LXD detects the base from the prefix, so a leading zero makes the value octal.
            ["X-LXD-mode"] = "0" + Convert.ToString(ownership.Mode, 8),
            ["X-LXD-type"] = "file",
            ["X-LXD-write"] = "overwrite",
        };
        await _transport.SendAsync(
            new LxdCall("push file", project, name, Idempotent: true),
            HttpMethod.Post,
            FilePath(name, path),
            () =>
            {
                var body = new ByteArrayContent(bytes);
                body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                return body;
            },
            headers,
            cancellationToken);
        LxdLog.FilePushed(_logger, path, bytes.Length, name, project);
    }

    /// <inheritdoc/>
    public async Task CreateDirectoryAsync(
        string project, string name, string path, LxdFileOwnership ownership, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>
        {
            ["X-LXD-uid"] = ownership.Uid.ToString(CultureInfo.InvariantCulture),
            ["X-LXD-gid"] = ownership.Gid.ToString(CultureInfo.InvariantCulture),
            ["X-LXD-mode"] = "0" + Convert.ToString(ownership.Mode, 8),
            ["X-LXD-type"] = "directory",
        };
        await _transport.SendAsync(
            new LxdCall("create folder", project, name, Idempotent: true),
            HttpMethod.Post,
            FilePath(name, path),
            () => new ByteArrayContent([]),
            headers,
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<byte[]> ReadFileAsync(string project, string name, string path, CancellationToken cancellationToken)
    {
        var call = new LxdCall("read file", project, name, Idempotent: true);
        LxdResponse response = await _transport.SendAsync(call, HttpMethod.Get, FilePath(name, path), null, null, cancellationToken);
        string? type = response.Headers.TryGetValues("X-LXD-type", out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
        if (type is not null && type != "file")
        {
            throw new LxdException(call.Operation, project, name, $"'{path}' is a {type}, not a regular file");
        }

        return response.Body;
    }

    /// <inheritdoc/>
    public async Task<LxdInstanceState> GetInstanceStateAsync(string project, string name, CancellationToken cancellationToken)
    {
        JsonElement metadata = await _transport.SendSyncAsync(
            new LxdCall("get instance state", project, name, Idempotent: true), HttpMethod.Get, $"{InstancePath(name)}/state", null, null, cancellationToken);
        return metadata.Deserialize<LxdInstanceState>(LxdJson.Options)
            ?? throw new LxdException("get instance state", project, name, "LXD returned no state object");
    }

    /// <inheritdoc/>
    public async Task<int> CountEstablishedConnectionsAsync(string project, string name, int port, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);

        // A kernel without IPv6 has no tcp6 table, which is not an error, but a missing tcp table is.
        string tables = await ExecuteAsync(
            new LxdCall("count connections", project, name, Idempotent: true),
            ["sh", "-c", "cat /proc/net/tcp && { cat /proc/net/tcp6 2>/dev/null || true; }"],
            cancellationToken);
        return ProcNetTcp.CountEstablished(tables, port);
    }

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();

    /// <summary>
    /// Runs a command in the instance with recorded output and returns its standard output. A non-zero exit code
    /// throws <see cref="LxdException"/> with the standard error text. The output logs are deleted afterwards.
    /// </summary>
    private async Task<string> ExecuteAsync(LxdCall call, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["command"] = command,
            ["environment"] = new Dictionary<string, string>(),
            ["interactive"] = false,
            ["wait-for-websocket"] = false,
            ["record-output"] = true,
        };
        JsonElement result = await _transport.SendAndWaitAsync(call, HttpMethod.Post, $"{InstancePath(call.Instance!)}/exec", body, null, cancellationToken);

        int exitCode = result.TryGetProperty("return", out JsonElement code) ? code.GetInt32() : -1;
        string? stdoutPath = null;
        string? stderrPath = null;
        if (result.TryGetProperty("output", out JsonElement output))
        {
            stdoutPath = output.TryGetProperty("1", out JsonElement stdout) ? stdout.GetString() : null;
            stderrPath = output.TryGetProperty("2", out JsonElement stderr) ? stderr.GetString() : null;
        }

        try
        {
            string standardOutput = stdoutPath is null ? string.Empty : await ReadLogAsync(call, stdoutPath, cancellationToken);
            if (exitCode != 0)
            {
                string standardError = stderrPath is null ? string.Empty : await ReadLogAsync(call, stderrPath, cancellationToken);
                throw new LxdException(call.Operation, call.Project, call.Instance,
                    $"command '{string.Join(' ', command)}' exited with code {exitCode}: {standardError.Trim()}");
            }

            return standardOutput;
        }
        finally
        {
            await DeleteLogAsync(call, stdoutPath);
            await DeleteLogAsync(call, stderrPath);
        }
    }

    private async Task<string> ReadLogAsync(LxdCall call, string path, CancellationToken cancellationToken)
    {
        LxdResponse response = await _transport.SendAsync(call with { Idempotent = true }, HttpMethod.Get, path, null, null, cancellationToken);
        return Encoding.UTF8.GetString(response.Body);
    }

    /// <summary>Deletes an exec output log, which LXD otherwise keeps for days; a failure is logged, not thrown.</summary>
    private async Task DeleteLogAsync(LxdCall call, string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_options.Resilience.AttemptTimeout);
            await _transport.SendAsync(call with { Operation = "delete exec output", Idempotent = true }, HttpMethod.Delete, path, null, null, timeout.Token);
        }
        catch (Exception exception) when (exception is LxdException or OperationCanceledException)
        {
            LxdLog.ExecOutputNotDeleted(_logger, exception, path, call.Instance ?? "-", call.Project);
        }
    }

    /// <summary>
    /// Sends a state change (<c>start</c>, <c>stop</c>, <c>restart</c>) and waits for it. LXD's default stop
    /// timeout is -1 (wait forever), so a stop or restart always sends one.
    /// </summary>
    private async Task ChangeStateAsync(LxdCall call, string action, TimeSpan? timeout, bool force, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object> { ["action"] = action, ["force"] = force, ["stateful"] = false };
        if (timeout is { } value)
        {
            body["timeout"] = (int)Math.Ceiling(value.TotalSeconds);
        }

        await _transport.SendAndWaitAsync(call, HttpMethod.Put, $"{InstancePath(call.Instance!)}/state", body, null, cancellationToken);
    }

    /// <summary>Asks for a clean stop or restart within <paramref name="timeout"/>, then forces it when the clean one failed.</summary>
    private async Task ChangeStateWithForceAsync(LxdCall call, string action, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await ChangeStateAsync(call, action, timeout, force: false, cancellationToken);
            return;
        }
        catch (LxdException exception) when (exception is not LxdNotFoundException and not LxdUnavailableException)
        {
            LxdInstance instance = await GetInstanceAsync(call.Project, call.Instance!, cancellationToken);
            if (action == "stop" && instance.StatusCode == LxdStatusCodes.Stopped)
            {
                return;
            }

            LxdLog.ForcingStateChange(_logger, exception, call.Instance!, call.Project, action, timeout);
        }

        await ChangeStateAsync(call, action, TimeSpan.Zero, force: true, cancellationToken);
    }

    /// <summary>
    /// Runs a read-modify-write guarded by the instance's ETag: reads the instance, calls <paramref name="update"/>
    /// with its JSON and ETag, and starts again when LXD returns 412 because the instance changed in between.
    /// </summary>
    private async Task UpdateWithEtagAsync(
        LxdCall call, Func<JsonElement, string, Task<JsonElement>> update, CancellationToken cancellationToken)
    {
        int maxAttempts = _options.MaxEtagConflictRetries + 1;
        for (int attempt = 1; ; attempt++)
        {
            (JsonElement current, string etag) = await GetInstanceJsonAsync(call with { Idempotent = true }, cancellationToken);
            try
            {
                await update(current, etag);
                return;
            }
            catch (LxdConflictException exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed && attempt < maxAttempts)
            {
                LxdLog.EtagConflict(_logger, call.Instance!, call.Project, call.Operation, attempt, maxAttempts);
            }
        }
    }

    private async Task<(JsonElement Instance, string ETag)> GetInstanceJsonAsync(LxdCall call, CancellationToken cancellationToken)
    {
        LxdResponse response = await _transport.SendAsync(call, HttpMethod.Get, InstancePath(call.Instance!), null, null, cancellationToken);
        string etag = response.Headers.TryGetValues("ETag", out IEnumerable<string>? values) ? values.First() : string.Empty;
        using JsonDocument document = JsonDocument.Parse(response.Body);
        return (document.RootElement.GetProperty("metadata").Clone(), etag);
    }

    /// <summary>Copies the fields that <c>PUT /1.0/instances/{name}</c> replaces; PUT clears any field it is not sent.</summary>
    private static JsonObject ToInstancePut(JsonElement instance)
    {
        JsonObject source = JsonNode.Parse(instance.GetRawText())!.AsObject();
        var put = new JsonObject();
        foreach (string field in new[] { "architecture", "config", "devices", "ephemeral", "profiles", "stateful", "description" })
        {
            if (source[field] is { } value)
            {
                put[field] = value.DeepClone();
            }
        }

        return put;
    }

    private static Dictionary<string, string>? IfMatch(string etag) =>
        etag.Length == 0 ? null : new Dictionary<string, string> { ["If-Match"] = etag };

    private static string InstancePath(string name) => $"/1.0/instances/{Escape(name)}";

    private static string FilePath(string name, string path) => $"{InstancePath(name)}/files?path={Uri.EscapeDataString(path)}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
