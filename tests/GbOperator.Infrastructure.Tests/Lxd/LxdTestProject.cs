using System.Text;
using GbOperator.Infrastructure.Lxd;

namespace GbOperator.Infrastructure.Tests.Lxd;

/// <summary>
/// An LXD project with a unique name for one test, plus helpers that launch stand-in instances in it and reach
/// them through proxy devices. Disposing deletes every instance in the project and the project.
/// </summary>
internal sealed class LxdTestProject : IAsyncDisposable
{
    public const string ImageAlias = "botserver-standin";

    private LxdTestProject(LxdClient client, string name)
    {
        Client = client;
        Name = name;
    }

    public LxdClient Client { get; }

    public string Name { get; }

    public static async Task<LxdTestProject> CreateAsync(LxdClient client)
    {
        string name = $"gbt-{Guid.NewGuid():N}"[..12];
        await client.CreateProjectAsync(name, "GbOperator infrastructure test", CancellationToken.None);
        return new LxdTestProject(client, name);
    }

    /// <summary>Creates and starts a stand-in instance serving on <paramref name="botserverPort"/> with /api/health forced healthy.</summary>
    public async Task LaunchAsync(string instance, int botserverPort, IReadOnlyDictionary<string, string>? config = null)
    {
        await Client.CreateInstanceAsync(
            Name,
            new LxdInstanceSpec { Name = instance, ImageAlias = ImageAlias, Config = config ?? new Dictionary<string, string>() },
            CancellationToken.None);
        await PushTextAsync(instance, "/opt/gbo/bin/.env", $"PORT={botserverPort}\n");
        // No database runs for these tests, so the health check would report degraded without the override.
        await PushTextAsync(instance, "/opt/gbo/health-override", "healthy\n");
        await Client.StartInstanceAsync(Name, instance, CancellationToken.None);
    }

    public Task PushTextAsync(string instance, string path, string text) =>
        Client.PushFileAsync(Name, instance, path, Encoding.UTF8.GetBytes(text), LxdFileOwnership.RootReadable, CancellationToken.None);

    /// <summary>Waits until GET /api/health through 127.0.0.1:<paramref name="hostPort"/> returns 200 and returns the body.</summary>
    public static async Task<string> WaitForHealthAsync(int hostPort, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        string body = string.Empty;
        await Wait.UntilAsync(
            async () =>
            {
                using HttpResponseMessage response = await http.GetAsync(new Uri($"http://127.0.0.1:{hostPort}/api/health"));
                body = await response.Content.ReadAsStringAsync();
                return response.IsSuccessStatusCode;
            },
            timeout,
            $"GET /api/health through 127.0.0.1:{hostPort} returns 200");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        foreach (LxdInstance instance in await Client.ListInstancesAsync(Name, includeState: false, timeout.Token))
        {
            await Client.StopInstanceAsync(Name, instance.Name, TimeSpan.FromSeconds(5), timeout.Token);
            await Client.DeleteInstanceAsync(Name, instance.Name, timeout.Token);
        }

        await Client.DeleteProjectAsync(Name, timeout.Token);
    }
}
