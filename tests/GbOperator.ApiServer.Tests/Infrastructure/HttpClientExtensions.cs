using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>Sends API requests with a chosen body type and reads the whole response.</summary>
public static class HttpClientExtensions
{
    public static Task<ApiResponse> GetAsync(this HttpClient client, string path, string? accept) =>
        client.SendTextAsync(HttpMethod.Get, path, null, null, accept);

    public static Task<ApiResponse> GetJsonAsync(this HttpClient client, string path) =>
        client.SendTextAsync(HttpMethod.Get, path, null, null);

    public static Task<ApiResponse> PostJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.SendTextAsync(HttpMethod.Post, path, body.ToJsonString(), "application/json");

    public static Task<ApiResponse> PutJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.SendTextAsync(HttpMethod.Put, path, body.ToJsonString(), "application/json");

    public static Task<ApiResponse> PatchAsync(this HttpClient client, string path, JsonNode body, string contentType) =>
        client.SendTextAsync(HttpMethod.Patch, path, body.ToJsonString(), contentType);

    public static Task<ApiResponse> DeleteObjectAsync(this HttpClient client, string path, JsonNode? body = null) =>
        client.SendTextAsync(HttpMethod.Delete, path, body?.ToJsonString(), body is null ? null : "application/json");

    public static async Task<ApiResponse> SendTextAsync(this HttpClient client, HttpMethod method, string path, string? body, string? contentType, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }

        if (accept is not null)
        {
            request.Headers.Accept.Clear();
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Creates a BotCluster and returns the stored object, failing the test when the server rejects it.</summary>
    public static async Task<JsonObject> CreateBotClusterAsync(this HttpClient client, string @namespace, JsonObject body)
    {
        var response = await client.PostJsonAsync(Manifests.BotClusters(@namespace), body);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating the BotCluster failed with {(int)response.StatusCode}: {response.Text}");
        }

        return response.Json;
    }
}
