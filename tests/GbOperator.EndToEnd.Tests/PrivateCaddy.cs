using System.Diagnostics;
using System.Text.Json.Nodes;
using GbOperator.Infrastructure.Tests;

namespace GbOperator.EndToEnd.Tests;

/// <summary>
/// A Caddy process with only its admin API on a free loopback port, its data in a temporary folder and
/// autosave off. The end-to-end tests use it instead of the shared Caddy, because other test projects replace
/// the shared Caddy's whole configuration while they run.
/// </summary>
internal sealed class PrivateCaddy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private PrivateCaddy(Process process, string folder, Uri adminUrl)
    {
        _process = process;
        _folder = folder;
        AdminUrl = adminUrl;
    }

    public Uri AdminUrl { get; }

    public static async Task<PrivateCaddy> StartAsync()
    {
        string folder = Directory.CreateTempSubdirectory("gbo-e2e-caddy-").FullName;
        int port = FreePort.Next();
        string boot = Path.Combine(folder, "boot.json");
        var config = new JsonObject
        {
            ["admin"] = new JsonObject { ["listen"] = $"127.0.0.1:{port}", ["config"] = new JsonObject { ["persist"] = false } },
        };
        await File.WriteAllTextAsync(boot, config.ToJsonString());

        var startInfo = new ProcessStartInfo("/usr/bin/caddy")
        {
            ArgumentList = { "run", "--config", boot },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["HOME"] = folder, ["XDG_CONFIG_HOME"] = folder, ["XDG_DATA_HOME"] = folder },
        };
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Starting /usr/bin/caddy failed.");
        // Caddy logs to stderr; reading both streams keeps the pipes from filling up.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();

        var adminUrl = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Wait.UntilAsync(
            async () => (await http.GetAsync(new Uri(adminUrl, "/config/"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(20),
            $"Caddy's admin API answers on {adminUrl}");
        return new PrivateCaddy(process, folder, adminUrl);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
