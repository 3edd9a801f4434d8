using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Hosting;
using GbOperator.Storage;
using Microsoft.Extensions.Logging;

namespace GbOperator.Benchmarks.Cases;

/// <summary>An API server on 127.0.0.1 with a free port over a store, with an HTTP client for it.</summary>
/// <remarks>
/// The server logs nothing, so console output does not take part in the measurements; <c>gb-operator serve</c> writes
/// one Serilog line per request on top. Disposing stops the server, then disposes the store it owns.
/// </remarks>
internal sealed class LocalApiServer : IAsyncDisposable
{
    private readonly IResourceStore _store;
    private readonly ApiServerHost _host;

    private LocalApiServer(IResourceStore store, ApiServerHost host)
    {
        _store = store;
        _host = host;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>Base address, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Client whose base address is the server.</summary>
    public HttpClient Client { get; }

    /// <summary>Opens the store at <paramref name="storeUrl"/> and starts a server on it.</summary>
    public static async Task<LocalApiServer> StartAsync(string storeUrl, CancellationToken cancellationToken)
    {
        var store = ResourceStoreFactory.Open(storeUrl);
        try
        {
            var options = new ApiServerOptions { ConfigureBuilder = builder => builder.Logging.ClearProviders() };
            var host = await ApiServerHost.StartAsync(store, "127.0.0.1:0", options, cancellationToken);
            return new LocalApiServer(store, host);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts <paramref name="document"/> to <paramref name="path"/> and returns the stored object.</summary>
    /// <exception cref="HttpRequestException">The server did not return 201 Created.</exception>
    public async Task<JsonObject> CreateAsync(string path, JsonObject document, CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsJsonAsync(path, document, cancellationToken);
        return await ReadObjectAsync(response, cancellationToken);
    }

    /// <summary>Reads the object at <paramref name="path"/>.</summary>
    public async Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(path, cancellationToken);
        return await ReadObjectAsync(response, cancellationToken);
    }

    /// <summary>Replaces the object at <paramref name="path"/> with <paramref name="document"/> (PUT, checked on its resourceVersion).</summary>
    public async Task<JsonObject> UpdateAsync(string path, JsonObject document, CancellationToken cancellationToken)
    {
        using var response = await Client.PutAsJsonAsync(path, document, cancellationToken);
        return await ReadObjectAsync(response, cancellationToken);
    }

    /// <summary>Writes a kubeconfig for the server to <paramref name="path"/> with namespace <paramref name="ns"/>.</summary>
    public Task WriteKubeconfigAsync(string path, string ns, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: bench
              cluster:
                server: {{BaseAddress.ToString().TrimEnd('/')}}
            contexts:
            - name: bench
              context:
                cluster: bench
                user: local
                namespace: {{ns}}
            current-context: bench
            users:
            - name: local
              user: {}

            """, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
        await _store.DisposeAsync();
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}: {body}",
                null,
                response.StatusCode);
        }

        return JsonNode.Parse(body) as JsonObject
            ?? throw new HttpRequestException($"{response.RequestMessage?.RequestUri} returned a body that is not a JSON object: {body}");
    }
}
