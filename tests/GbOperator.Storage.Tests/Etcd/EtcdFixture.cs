using System.Diagnostics;

namespace GbOperator.Storage.Tests.Etcd;

/// <summary>
/// A real etcd for the tests: the one at <c>GBO_ETCD_ENDPOINT</c> when that variable is set, otherwise
/// one that <c>hack/etcd.sh</c> starts on free 127.0.0.1 ports with its data in a temporary folder.
/// </summary>
public sealed class EtcdFixture : IAsyncLifetime
{
    public const string EndpointVariable = "GBO_ETCD_ENDPOINT";

    private string? _dataFolder;

    /// <summary>Client endpoint as <c>HOST:PORT</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        string? endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            Endpoint = endpoint.Trim();
            return;
        }

        _dataFolder = Directory.CreateTempSubdirectory("gbo-etcd-").FullName;
        Endpoint = (await RunScriptAsync("start", _dataFolder)).Trim();
    }

    public async Task DisposeAsync()
    {
        if (_dataFolder is null)
        {
            return;
        }

        await RunScriptAsync("stop", _dataFolder);
        Directory.Delete(_dataFolder, recursive: true);
    }

    /// <summary>Runs <c>hack/etcd.sh</c> and returns its standard output. A failure throws with its error output.</summary>
    private static async Task<string> RunScriptAsync(string command, string dataFolder)
    {
        string script = Path.Combine(FindRepositoryRoot(), "hack", "etcd.sh");
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { script, command, dataFolder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Starting {script} failed.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{script} {command} {dataFolder}' failed with exit code {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private static string FindRepositoryRoot()
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
