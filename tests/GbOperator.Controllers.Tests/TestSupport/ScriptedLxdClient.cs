using GbOperator.Infrastructure.Lxd;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>An LXD client that returns the instance states a test sets, and throws for every other call.</summary>
internal sealed class ScriptedLxdClient : ILxdClient
{
    /// <summary>State per instance name; an instance without an entry fails as LXD would when it cannot be read.</summary>
    public Dictionary<string, LxdInstanceState> States { get; } = [];

    public Task<LxdInstanceState> GetInstanceStateAsync(string project, string name, CancellationToken cancellationToken) =>
        States.TryGetValue(name, out var state)
            ? Task.FromResult(state)
            : throw new LxdException("get instance state", project, name, "scripted failure");

    public static LxdInstanceState State(long cpuNanoseconds, long memoryBytes) => new()
    {
        Status = "Running",
        Cpu = new LxdCpuState { UsageNanoseconds = cpuNanoseconds },
        Memory = new LxdMemoryState { UsageBytes = memoryBytes },
    };

    public Task CreateProjectAsync(string project, string description, CancellationToken cancellationToken) => throw Unexpected();

    public Task DeleteProjectAsync(string project, CancellationToken cancellationToken) => throw Unexpected();

    public Task<bool> ProjectExistsAsync(string project, CancellationToken cancellationToken) => throw Unexpected();

    public Task<IReadOnlyList<LxdInstance>> ListInstancesAsync(string project, bool includeState, CancellationToken cancellationToken) => throw Unexpected();

    public Task<LxdInstance> GetInstanceAsync(string project, string name, CancellationToken cancellationToken) => throw Unexpected();

    public Task CreateInstanceAsync(string project, LxdInstanceSpec spec, CancellationToken cancellationToken) => throw Unexpected();

    public Task StartInstanceAsync(string project, string name, CancellationToken cancellationToken) => throw Unexpected();

    public Task StopInstanceAsync(string project, string name, TimeSpan timeout, CancellationToken cancellationToken) => throw Unexpected();

    public Task RestartInstanceAsync(string project, string name, TimeSpan timeout, CancellationToken cancellationToken) => throw Unexpected();

    public Task DeleteInstanceAsync(string project, string name, CancellationToken cancellationToken) => throw Unexpected();

    public Task SetDeviceAsync(string project, string name, string deviceName, IReadOnlyDictionary<string, string> device, CancellationToken cancellationToken) =>
        throw Unexpected();

    public Task RemoveDeviceAsync(string project, string name, string deviceName, CancellationToken cancellationToken) => throw Unexpected();

    public Task SetConfigAsync(string project, string name, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken) => throw Unexpected();

    public Task PushFileAsync(
        string project, string name, string path, ReadOnlyMemory<byte> content, LxdFileOwnership ownership, CancellationToken cancellationToken) =>
        throw Unexpected();

    public Task CreateDirectoryAsync(string project, string name, string path, LxdFileOwnership ownership, CancellationToken cancellationToken) =>
        throw Unexpected();

    public Task<byte[]> ReadFileAsync(string project, string name, string path, CancellationToken cancellationToken) => throw Unexpected();

    public Task<int> CountEstablishedConnectionsAsync(string project, string name, int port, CancellationToken cancellationToken) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("The scripted LXD client serves instance state only.");
}
