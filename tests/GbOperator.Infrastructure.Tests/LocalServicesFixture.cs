using System.Diagnostics;

namespace GbOperator.Infrastructure.Tests;

/// <summary>
/// The real LXD and Caddy of the local environment. Uses <c>LXD_SOCKET</c> and <c>GBO_CADDY_ADMIN_URL</c> when
/// both are set; otherwise runs <c>hack/env-up.sh</c>, which starts what is not running yet, and reads the
/// <c>export</c> lines it prints.
/// </summary>
public sealed class LocalServicesFixture : IAsyncLifetime
{
    public const string LxdSocketVariable = "LXD_SOCKET";
    public const string CaddyAdminUrlVariable = "GBO_CADDY_ADMIN_URL";

    /// <summary>Path of LXD's unix socket.</summary>
    public string LxdSocket { get; private set; } = string.Empty;

    /// <summary>Base URL of Caddy's admin API, such as <c>http://127.0.0.1:2019</c>.</summary>
    public Uri CaddyAdminUrl { get; private set; } = new("http://127.0.0.1:2019");

    public async Task InitializeAsync()
    {
        string? socket = Environment.GetEnvironmentVariable(LxdSocketVariable);
        string? caddy = Environment.GetEnvironmentVariable(CaddyAdminUrlVariable);
        if (string.IsNullOrWhiteSpace(socket) || string.IsNullOrWhiteSpace(caddy))
        {
            Dictionary<string, string> exports = ParseExports(await RunEnvUpAsync());
            socket = exports.GetValueOrDefault(LxdSocketVariable);
            caddy = exports.GetValueOrDefault(CaddyAdminUrlVariable);
        }

        LxdSocket = socket ?? throw new InvalidOperationException($"hack/env-up.sh printed no {LxdSocketVariable}.");
        CaddyAdminUrl = new Uri(caddy ?? throw new InvalidOperationException($"hack/env-up.sh printed no {CaddyAdminUrlVariable}."));
    }

    /// <summary>Leaves the services running: they are shared, and hack/env-down.sh stops them.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Reads <c>export NAME=VALUE</c> lines; values are unquoted the way bash's <c>%q</c> writes plain paths and URLs.</summary>
    internal static Dictionary<string, string> ParseExports(string script)
    {
        var exports = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in script.Split('\n'))
        {
            const string prefix = "export ";
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (!line.StartsWith(prefix, StringComparison.Ordinal) || equals < 0)
            {
                continue;
            }

            string name = line[prefix.Length..equals];
            string value = line[(equals + 1)..].Trim().Trim('\'', '"');
            exports[name] = value;
        }

        return exports;
    }

    private static async Task<string> RunEnvUpAsync()
    {
        string script = Path.Combine(FindRepositoryRoot(), "hack", "env-up.sh");
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { script },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Starting {script} failed.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{script}' failed with exit code {process.ExitCode}: {await error}");
        }

        return await output;
    }

    internal static string FindRepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GbOperator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains GbOperator.sln.");
    }
}
