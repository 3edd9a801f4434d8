using System.Collections.Concurrent;
using System.Net;
using GbOperator.Infrastructure.Lxd;

namespace GbOperator.Benchmarks.Cases.Simulation;

/// <summary>
/// An in-memory simulation of LXD behind <see cref="ILxdClient"/>, for scale benchmarks: instances are records in a
/// dictionary, start and stop change their status at once, and no container runs.
/// </summary>
/// <remarks>
/// It keeps LXD's observable rules that the reconciler depends on: unknown projects and instances throw
/// <see cref="LxdNotFoundException"/>, an existing name throws <see cref="LxdException"/>, and a running instance
/// cannot be deleted. It counts every call that changes state, so a steady state can be checked for writes.
/// </remarks>
internal sealed class SimulatedLxdClient(TimeProvider timeProvider) : ILxdClient
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LxdInstance>> _projects = new(StringComparer.Ordinal);
    private long _writes;

    /// <summary>Number of calls that changed an instance or a project.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Number of instances in every project.</summary>
    public int InstanceCount => _projects.Values.Sum(instances => instances.Count);

    public Task CreateProjectAsync(string project, string description, CancellationToken cancellationToken)
    {
        Write();
        if (!_projects.TryAdd(project, new ConcurrentDictionary<string, LxdInstance>(StringComparer.Ordinal)))
        {
            throw new LxdException("create project", project, null, "Project already exists", HttpStatusCode.Conflict);
        }

        return Task.CompletedTask;
    }

    public Task DeleteProjectAsync(string project, CancellationToken cancellationToken)
    {
        Write();
        if (!_projects.TryRemove(project, out _))
        {
            throw new LxdNotFoundException("delete project", project, null, "Project not found");
        }

        return Task.CompletedTask;
    }

    public Task<bool> ProjectExistsAsync(string project, CancellationToken cancellationToken) =>
        Task.FromResult(_projects.ContainsKey(project));

    public Task<IReadOnlyList<LxdInstance>> ListInstancesAsync(string project, bool includeState, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LxdInstance>>([.. Project(project, "list instances").Values]);

    public Task<LxdInstance> GetInstanceAsync(string project, string name, CancellationToken cancellationToken) =>
        Task.FromResult(Instance(project, name, "get instance"));

    public Task CreateInstanceAsync(string project, LxdInstanceSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Write();
        var instance = new LxdInstance
        {
            Name = spec.Name,
            Status = "Stopped",
            StatusCode = LxdStatusCodes.Stopped,
            Project = project,
            Config = new Dictionary<string, string>(spec.Config, StringComparer.Ordinal),
            Devices = new Dictionary<string, IReadOnlyDictionary<string, string>>(spec.Devices, StringComparer.Ordinal),
            Profiles = spec.Profiles,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        if (!Project(project, "create instance").TryAdd(spec.Name, instance))
        {
            throw new LxdException("create instance", project, spec.Name, $"Instance \"{spec.Name}\" already exists");
        }

        return Task.CompletedTask;
    }

    public Task StartInstanceAsync(string project, string name, CancellationToken cancellationToken) =>
        Change(project, name, "start instance", instance => instance with { Status = "Running", StatusCode = LxdStatusCodes.Running });

    public Task StopInstanceAsync(string project, string name, TimeSpan timeout, CancellationToken cancellationToken) =>
        Change(project, name, "stop instance", instance => instance with { Status = "Stopped", StatusCode = LxdStatusCodes.Stopped });

    public Task RestartInstanceAsync(string project, string name, TimeSpan timeout, CancellationToken cancellationToken) =>
        Change(project, name, "restart instance", instance => instance with { Status = "Running", StatusCode = LxdStatusCodes.Running });

    public Task DeleteInstanceAsync(string project, string name, CancellationToken cancellationToken)
    {
        Write();
        var instance = Instance(project, name, "delete instance");
        if (instance.IsRunning)
        {
            throw new LxdException("delete instance", project, name, "Instance is running", HttpStatusCode.BadRequest);
        }

        Project(project, "delete instance").TryRemove(name, out _);
        return Task.CompletedTask;
    }

    public Task SetDeviceAsync(
        string project, string name, string deviceName, IReadOnlyDictionary<string, string> device, CancellationToken cancellationToken) =>
        Change(project, name, "set device", instance => instance with
        {
            Devices = new Dictionary<string, IReadOnlyDictionary<string, string>>(instance.Devices, StringComparer.Ordinal) { [deviceName] = device },
        });

    public Task RemoveDeviceAsync(string project, string name, string deviceName, CancellationToken cancellationToken) =>
        Change(project, name, "remove device", instance =>
        {
            var devices = new Dictionary<string, IReadOnlyDictionary<string, string>>(instance.Devices, StringComparer.Ordinal);
            devices.Remove(deviceName);
            return instance with { Devices = devices };
        });

    public Task SetConfigAsync(string project, string name, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken) =>
        Change(project, name, "set config", instance =>
        {
            var config = new Dictionary<string, string>(instance.Config, StringComparer.Ordinal);
            foreach (var (key, value) in changes)
            {
                if (string.IsNullOrEmpty(value))
                {
                    config.Remove(key);
                }
                else
                {
                    config[key] = value;
                }
            }

            return instance with { Config = config };
        });

    /// <summary>Accepts the file and keeps nothing, because no process in the simulation reads it.</summary>
    public Task PushFileAsync(
        string project, string name, string path, ReadOnlyMemory<byte> content, LxdFileOwnership ownership, CancellationToken cancellationToken)
    {
        Write();
        _ = Instance(project, name, "push file");
        return Task.CompletedTask;
    }

    /// <summary>Accepts the directory and keeps nothing, because the simulation keeps no files.</summary>
    public Task CreateDirectoryAsync(string project, string name, string path, LxdFileOwnership ownership, CancellationToken cancellationToken)
    {
        Write();
        _ = Instance(project, name, "create directory");
        return Task.CompletedTask;
    }

    public Task<byte[]> ReadFileAsync(string project, string name, string path, CancellationToken cancellationToken) =>
        throw new LxdNotFoundException("read file", project, name, $"The simulation keeps no files, so {path} is not found");

    public Task<LxdInstanceState> GetInstanceStateAsync(string project, string name, CancellationToken cancellationToken)
    {
        var instance = Instance(project, name, "get instance state");
        return Task.FromResult(new LxdInstanceState { Status = instance.Status, StatusCode = instance.StatusCode });
    }

    /// <summary>Returns 0: simulated instances serve no connections.</summary>
    public Task<int> CountEstablishedConnectionsAsync(string project, string name, int port, CancellationToken cancellationToken)
    {
        _ = Instance(project, name, "count connections");
        return Task.FromResult(0);
    }

    private ConcurrentDictionary<string, LxdInstance> Project(string project, string operation) =>
        _projects.TryGetValue(project, out var instances)
            ? instances
            : throw new LxdNotFoundException(operation, project, null, "Project not found");

    private LxdInstance Instance(string project, string name, string operation) =>
        Project(project, operation).TryGetValue(name, out var instance)
            ? instance
            : throw new LxdNotFoundException(operation, project, name, "Instance not found");

    private Task Change(string project, string name, string operation, Func<LxdInstance, LxdInstance> change)
    {
        Write();
        var instances = Project(project, operation);
        var instance = Instance(project, name, operation);
        instances[name] = change(instance);
        return Task.CompletedTask;
    }

    private void Write() => Interlocked.Increment(ref _writes);
}
