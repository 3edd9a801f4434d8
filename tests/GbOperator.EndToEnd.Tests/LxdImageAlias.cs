using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace GbOperator.EndToEnd.Tests;

/// <summary>
/// A second alias of an existing LXD image, created through LXD's REST API on its unix socket, so a test can change
/// <c>spec.image</c> to a name that launches the same image. Disposing deletes the alias.
/// </summary>
internal sealed class LxdImageAlias : IAsyncDisposable
{
    private readonly HttpClient _http;

    private LxdImageAlias(HttpClient http, string name)
    {
        _http = http;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Creates <paramref name="name"/> pointing at the image that <paramref name="existingAlias"/> points at.</summary>
    public static async Task<LxdImageAlias> CreateAsync(string socketPath, string existingAlias, string name)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var http = new HttpClient(handler) { BaseAddress = new Uri("http://lxd"), Timeout = TimeSpan.FromSeconds(30) };
        var existing = await http.GetFromJsonAsync<JsonObject>($"/1.0/images/aliases/{existingAlias}");
        var fingerprint = existing!["metadata"]!["target"]!.GetValue<string>();
        using var response = await http.PostAsJsonAsync("/1.0/images/aliases", new JsonObject { ["name"] = name, ["target"] = fingerprint });
        response.EnsureSuccessStatusCode();
        return new LxdImageAlias(http, name);
    }

    public async ValueTask DisposeAsync()
    {
        using var response = await _http.DeleteAsync($"/1.0/images/aliases/{Name}");
        _http.Dispose();
    }
}
