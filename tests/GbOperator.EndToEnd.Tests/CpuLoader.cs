using System.Text;
using GbOperator.Infrastructure.Lxd;

namespace GbOperator.EndToEnd.Tests;

/// <summary>
/// Keeps one busy loop running in every running instance of a test's LXD project, including instances created
/// after the start, by writing the stand-in's <c>/opt/gbo/cpu-load</c> knob, until stopped.
/// </summary>
/// <remarks>Stopping writes <c>0</c> to the knob of every loaded instance, which ends their loops within a second.</remarks>
internal sealed class CpuLoader : IAsyncDisposable
{
    private const string Knob = "/opt/gbo/cpu-load";

    private readonly OperatorTestEnvironment _environment;
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public CpuLoader(OperatorTestEnvironment environment, TimeSpan maxDuration)
    {
        _environment = environment;
        _stop.CancelAfter(maxDuration);
        _loop = Task.Run(LoadNewInstancesAsync);
    }

    /// <summary>Instances that received the load.</summary>
    public IReadOnlyCollection<string> Loaded => _loaded;

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        foreach (var instance in await _environment.ListInstancesAsync())
        {
            if (instance.IsRunning && _loaded.Contains(instance.Name))
            {
                await PushAsync(instance.Name, "0");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoadNewInstancesAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var instance in await _environment.ListInstancesAsync())
            {
                if (instance.IsRunning && !instance.Config.ContainsKey("user.gbo.draining-since") && !_loaded.Contains(instance.Name))
                {
                    await PushAsync(instance.Name, "1");
                    _loaded.Add(instance.Name);
                }
            }

            try
            {
                // Polling interval of the instance list, not a synchronisation.
                await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PushAsync(string instance, string loops)
    {
        try
        {
            await _environment.Lxd.PushFileAsync(
                _environment.Project, instance, Knob, Encoding.ASCII.GetBytes(loops + "\n"), LxdFileOwnership.RootReadable, CancellationToken.None);
        }
        catch (LxdNotFoundException)
        {
            // Deleted between the list and the push.
        }
    }
}
