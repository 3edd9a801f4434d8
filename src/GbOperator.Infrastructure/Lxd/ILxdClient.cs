namespace GbOperator.Infrastructure.Lxd;

/// <summary>
/// Client of the LXD REST API for the instances GbOperator runs. Every call names its LXD project.
/// </summary>
/// <remarks>
/// <para>Failures throw <see cref="LxdNotFoundException"/> (404), <see cref="LxdConflictException"/> (409, or 412
/// after the client's own re-reads), <see cref="LxdUnavailableException"/> (LXD unreachable or too slow after the
/// retries) or <see cref="LxdException"/> for every other error, each carrying LXD's error text, the operation,
/// the project and the instance. Cancellation through the token throws <see cref="OperationCanceledException"/>.</para>
/// <para>Asynchronous LXD operations are awaited before a method returns, within
/// <see cref="LxdClientOptions.OperationTimeout"/>. Reads and idempotent writes are retried on transient failures;
/// creating an instance or running a command is retried only when the request never reached LXD.</para>
/// </remarks>
public interface ILxdClient
{
    /// <summary>
    /// Creates a project that shares the <c>default</c> project's images and profiles
    /// (<c>features.images=false</c>, <c>features.profiles=false</c>), so instances find the image and the root disk.
    /// </summary>
    Task CreateProjectAsync(string project, string description, CancellationToken cancellationToken);

    /// <summary>Deletes an empty project. Throws <see cref="LxdNotFoundException"/> when it does not exist.</summary>
    Task DeleteProjectAsync(string project, CancellationToken cancellationToken);

    /// <summary>Returns whether the project exists.</summary>
    Task<bool> ProjectExistsAsync(string project, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the project's instances with config and devices; with <paramref name="includeState"/> also their live
    /// state (recursion 2), which LXD gathers from every instance and is more expensive.
    /// </summary>
    Task<IReadOnlyList<LxdInstance>> ListInstancesAsync(string project, bool includeState, CancellationToken cancellationToken);

    /// <summary>Returns one instance with its ETag, or throws <see cref="LxdNotFoundException"/>.</summary>
    Task<LxdInstance> GetInstanceAsync(string project, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a stopped instance from a local image alias. An unknown alias throws <see cref="LxdNotFoundException"/>
    /// naming the alias; an existing name throws <see cref="LxdException"/> from the failed operation.
    /// </summary>
    Task CreateInstanceAsync(string project, LxdInstanceSpec spec, CancellationToken cancellationToken);

    /// <summary>Starts an instance; one that is already running is left as it is.</summary>
    Task StartInstanceAsync(string project, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Stops an instance: sends its init the shutdown signal (SIGPWR) and waits up to <paramref name="timeout"/>, then kills
    /// it. One that is already stopped is left as it is.
    /// </summary>
    Task StopInstanceAsync(string project, string name, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Restarts a running instance, with the same graceful-then-forced stop as <see cref="StopInstanceAsync"/>.</summary>
    Task RestartInstanceAsync(string project, string name, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Deletes a stopped instance. A running one throws <see cref="LxdException"/> with status 400; stop it first.</summary>
    Task DeleteInstanceAsync(string project, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a device, or replaces the whole device of that name, with an ETag-guarded update. Proxy devices are
    /// hot-plugged into a running instance. A taken listen port throws <see cref="LxdException"/> with status 500.
    /// </summary>
    /// <remarks>
    /// NOTE: LXD 5.0.2 reports a taken port as 500 after about 6 s, and the client retries 500 for this call, so
    /// with the default options the error arrives after four attempts. Allocate host ports centrally to avoid it.
    /// </remarks>
    Task SetDeviceAsync(
        string project, string name, string deviceName, IReadOnlyDictionary<string, string> device, CancellationToken cancellationToken);

    /// <summary>Removes a device with an ETag-guarded update; a missing device is not an error.</summary>
    Task RemoveDeviceAsync(string project, string name, string deviceName, CancellationToken cancellationToken);

    /// <summary>
    /// Sets config keys with an ETag-guarded update; other keys are kept. A null or empty value deletes the key.
    /// </summary>
    Task SetConfigAsync(string project, string name, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a file into the instance, replacing an existing one. Works on stopped instances. The parent folder
    /// must exist.
    /// </summary>
    Task PushFileAsync(
        string project, string name, string path, ReadOnlyMemory<byte> content, LxdFileOwnership ownership, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a folder in the instance; an existing folder is kept. Works on stopped instances. The parent folder must exist.
    /// </summary>
    Task CreateDirectoryAsync(string project, string name, string path, LxdFileOwnership ownership, CancellationToken cancellationToken);

    /// <summary>Reads a regular file from the instance; a missing file throws <see cref="LxdNotFoundException"/>.</summary>
    Task<byte[]> ReadFileAsync(string project, string name, string path, CancellationToken cancellationToken);

    /// <summary>Returns the instance's live state: status, CPU time, memory and network counters.</summary>
    Task<LxdInstanceState> GetInstanceStateAsync(string project, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Counts TCP connections in state ESTABLISHED whose local port inside the instance is <paramref name="port"/>
    /// (IPv4 and IPv6), such as the connections that the botserver is serving.
    /// </summary>
    /// <remarks>
    /// Runs <c>cat /proc/net/tcp /proc/net/tcp6</c> in the instance through the exec API with recorded output, which
    /// needs no websocket. The file API cannot be used: it returns 404 for files under <c>/proc</c> on LXD 5.0.2.
    /// The instance must be running. Connections through a proxy device arrive from 127.0.0.1 inside the instance.
    /// </remarks>
    Task<int> CountEstablishedConnectionsAsync(string project, string name, int port, CancellationToken cancellationToken);
}
