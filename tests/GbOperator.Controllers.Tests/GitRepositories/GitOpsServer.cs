using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Hosting;
using GbOperator.Controllers.GitRepositories;
using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.GitRepositories;
using GbOperator.Storage.Sqlite;

namespace GbOperator.Controllers.Tests.GitRepositories;

/// <summary>
/// A real API server on a SQLite store in a temporary folder and the GitRepository controller against it, with its
/// clones in the same folder. Tests share it and keep apart by namespace.
/// </summary>
public sealed class GitOpsServer : IAsyncLifetime
{
    private SqliteResourceStore? _store;
    private ApiServerHost? _server;
    private GitRepositoryControllerHost? _controller;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"gbo-gitops-{Guid.NewGuid():N}");

    public HttpClient Http { get; private set; } = null!;

    internal HttpResourceClient<GitRepository> Repositories { get; private set; } = null!;

    internal HttpResourceClient<BotCluster> Clusters { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        _store = new SqliteResourceStore(Path.Combine(Folder, "state.db"));
        _server = await ApiServerHost.StartAsync(_store, "127.0.0.1:0");
        Http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Repositories = new HttpResourceClient<GitRepository>(Http, "gitrepositories");
        Clusters = new HttpResourceClient<BotCluster>(Http, "botclusters");
        var options = new GitRepositoryReconcilerOptions { CacheFolder = Path.Combine(Folder, "cache") };
        _controller = await GitRepositoryControllerHost.StartAsync(_server.BaseAddress, options, new CapturingLoggerFactory(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_controller is not null)
        {
            await _controller.DisposeAsync();
        }

        Http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Sends a merge patch as <paramref name="fieldManager"/> and fails the test when the server rejects it.</summary>
    public async Task MergePatchAsync(string path, string patch, string fieldManager)
    {
        using var content = new StringContent(patch, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        using var response = await Http.PatchAsync($"{path}?fieldManager={fieldManager}", content);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
    }

    /// <summary>Sends a server-side apply of <paramref name="yaml"/> as <paramref name="fieldManager"/> and fails the test when the server rejects it.</summary>
    public async Task ApplyAsync(string path, string yaml, string fieldManager, bool force)
    {
        using var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/apply-patch+yaml");
        using var response = await Http.PatchAsync($"{path}?fieldManager={fieldManager}&force={(force ? "true" : "false")}", content);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
    }

    /// <summary>Returns the reasons of the events in <paramref name="namespace"/> about GitRepository <paramref name="name"/>.</summary>
    public async Task<IReadOnlyList<string>> ListEventReasonsAsync(string @namespace, string name)
    {
        var selector = Uri.EscapeDataString($"involvedObject.kind=GitRepository,involvedObject.name={name}");
        var list = await GetJsonAsync($"/api/v1/namespaces/{@namespace}/events?fieldSelector={selector}");
        return list!["items"]!.AsArray().Select(item => item!["reason"]!.GetValue<string>()).ToList();
    }

    /// <summary>Reads one object as JSON, or returns <c>null</c> when it does not exist.</summary>
    public async Task<JsonObject?> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
