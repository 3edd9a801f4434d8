using System.Diagnostics;
using GbOperator.Storage;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>
/// The API server over an etcd of its own, which <c>hack/etcd.sh</c> starts on free 127.0.0.1 ports with its
/// data in the fixture's temporary folder. Each fixture has its own etcd, so store revisions move only with this fixture's writes.
/// </summary>
public sealed class EtcdApiServerFixture : ApiServerFixture
{
    private string DataFolder => Path.Combine(Directory, "etcd");

    protected override async Task<IResourceStore> OpenStoreAsync()
    {
        System.IO.Directory.CreateDirectory(DataFolder);
        var endpoint = (await RunScriptAsync("start")).Trim();
        return ResourceStoreFactory.Open("etcd://" + endpoint);
    }

    protected override Task StopBackendAsync() => RunScriptAsync("stop");

    /// <summary>Runs <c>hack/etcd.sh</c> and returns its standard output; a failure throws with its error output.</summary>
    private async Task<string> RunScriptAsync(string command)
    {
        var script = Path.Combine(FindRepositoryRoot(), "hack", "etcd.sh");
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { script, command, DataFolder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Starting {script} failed.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{script} {command} {DataFolder}' failed with exit code {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GbOperator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains GbOperator.sln.");
    }
}
