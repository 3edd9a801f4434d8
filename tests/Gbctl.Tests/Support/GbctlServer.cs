using Gbctl.Cli;
using GbOperator.ApiServer.Hosting;
using GbOperator.Storage;

namespace Gbctl.Tests.Support;

/// <summary>
/// A real API server on 127.0.0.1 with a port chosen by the system, backed by an SQLite store in a
/// temporary folder, plus a kubeconfig pointing at it and a copy of the example manifests.
/// </summary>
internal sealed class GbctlServer : IAsyncDisposable
{
    private readonly IResourceStore _store;
    private readonly ApiServerHost _host;

    private GbctlServer(string folder, IResourceStore store, ApiServerHost host)
    {
        Folder = folder;
        _store = store;
        _host = host;
        KubeconfigPath = Path.Combine(folder, "kubeconfig");
        ExamplesPath = Path.Combine(folder, "examples");
    }

    /// <summary>Temporary folder of this server: store, kubeconfig, manifests.</summary>
    public string Folder { get; }

    /// <summary>Address of the server without a trailing slash, such as <c>http://127.0.0.1:40123</c>.</summary>
    public string Address => _host.BaseAddress.ToString().TrimEnd('/');

    /// <summary>A kubeconfig whose current context points at the server, namespace <c>default</c>.</summary>
    public string KubeconfigPath { get; }

    /// <summary>A writable copy of the example manifests.</summary>
    public string ExamplesPath { get; }

    public static async Task<GbctlServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("gbctl-test-").FullName;
        var store = ResourceStoreFactory.Open($"sqlite://{Path.Combine(folder, "state.db")}");
        var host = await ApiServerHost.StartAsync(store, "127.0.0.1:0");
        var server = new GbctlServer(folder, store, host);

        await File.WriteAllTextAsync(server.KubeconfigPath, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: test
              cluster:
                server: {server.Address}
            contexts:
            - name: test
              context:
                cluster: test
                user: local
                namespace: default
            current-context: test
            users:
            - name: local
              user: {"{}"}
            """);

        Directory.CreateDirectory(server.ExamplesPath);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Examples, "*.yaml"))
        {
            File.Copy(file, Path.Combine(server.ExamplesPath, Path.GetFileName(file)));
        }

        return server;
    }

    /// <summary>Runs gbctl in-process with this server's kubeconfig in <c>GBCONFIG</c>.</summary>
    public Task<GbctlResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs gbctl in-process with <paramref name="input"/> as standard input.</summary>
    public async Task<GbctlResult> RunWithInputAsync(string input, params string[] args)
    {
        var output = new LockedStringWriter();
        var error = new LockedStringWriter();
        var exitCode = await GbctlCli.RunAsync(args, Context(new StringReader(input), output, error), CancellationToken.None);
        return new GbctlResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Returns a context whose <c>GBCONFIG</c> names this server's kubeconfig and whose home is the temporary folder.</summary>
    public CliContext Context(TextReader input, TextWriter output, TextWriter error) => new(
        input,
        output,
        error,
        name => name == "GBCONFIG" ? KubeconfigPath : null,
        Folder);

    /// <summary>Returns the path of a copied example manifest, such as <c>botcluster.yaml</c>.</summary>
    public string Example(string fileName) => Path.Combine(ExamplesPath, fileName);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
