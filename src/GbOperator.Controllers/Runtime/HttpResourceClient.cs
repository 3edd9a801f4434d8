using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GbOperator.Resources;

namespace GbOperator.Controllers.Runtime;

/// <summary>
/// <see cref="IResourceClient{T}"/> over the Kubernetes REST paths of the <c>generalbots.ai/v1alpha1</c> API.
/// </summary>
/// <remarks>
/// Requests go to <c>/apis/generalbots.ai/v1alpha1/[namespaces/{namespace}/]{plural}[/{name}[/status]]</c>
/// relative to <see cref="HttpClient.BaseAddress"/>. A watch reads newline-delimited <c>{type, object}</c>
/// events and is bounded by the caller's token only, because <see cref="HttpClient.Timeout"/> covers a
/// request until its response headers arrive.
/// </remarks>
/// <typeparam name="T">Resource type of the kind.</typeparam>
public sealed class HttpResourceClient<T> : IResourceClient<T>
    where T : Resource
{
    private const string GroupVersionPath = "/apis/" + ApiGroup.Name + "/" + ApiGroup.Version;

    private readonly HttpClient _httpClient;
    private readonly string _plural;

    /// <summary>Creates a client for the kind whose URL plural is <paramref name="plural"/>, such as <c>botclusters</c>.</summary>
    /// <param name="httpClient">Client whose <see cref="HttpClient.BaseAddress"/> is the API server, such as <c>http://127.0.0.1:6443</c>.</param>
    /// <param name="plural">Lower-case plural of the kind.</param>
    public HttpResourceClient(HttpClient httpClient, string plural)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrEmpty(plural);

        _httpClient = httpClient;
        _plural = plural;
    }

    /// <inheritdoc/>
    public async Task<ResourceList<T>> ListAsync(string? @namespace, CancellationToken cancellationToken)
    {
        using var response = await _httpClient.GetAsync(CollectionPath(@namespace), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;

        var resourceVersion = root.TryGetProperty("metadata", out var metadata)
            && metadata.TryGetProperty("resourceVersion", out var version)
            && version.ValueKind == JsonValueKind.String
                ? version.GetString() ?? string.Empty
                : string.Empty;
        if (resourceVersion.Length == 0)
        {
            throw new JsonException($"The list of {_plural} has no metadata.resourceVersion, so a watch could not resume from it.");
        }

        var items = new List<T>();
        if (root.TryGetProperty("items", out var itemsElement) && itemsElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in itemsElement.EnumerateArray())
            {
                items.Add(ResourceJson.DeserializeObject<T>(item, $"An item of the list of {_plural}"));
            }
        }

        return new ResourceList<T>(items, resourceVersion);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string? @namespace,
        string resourceVersion,
        TimeSpan? timeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceVersion);

        var path = $"{CollectionPath(@namespace)}?watch=true&allowWatchBookmarks=true&resourceVersion={Uri.EscapeDataString(resourceVersion)}";
        if (timeout is { } serverTimeout)
        {
            // The server counts whole seconds, and 0 would mean its default.
            var seconds = Math.Max(1, (long)Math.Ceiling(serverTimeout.TotalSeconds));
            path += $"&timeoutSeconds={seconds.ToString(CultureInfo.InvariantCulture)}";
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await _httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseWatchLine(line);
        }
    }

    /// <inheritdoc/>
    public async Task<T?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        using var response = await _httpClient.GetAsync(ObjectPath(@namespace, name), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<T> CreateAsync(T resource, CancellationToken cancellationToken)
    {
        var key = ObjectKey.From(resource);
        using var content = JsonContent(resource);
        using var response = await _httpClient.PostAsync(CollectionPath(key.Namespace), content, cancellationToken).ConfigureAwait(false);
        return await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<T> UpdateAsync(T resource, CancellationToken cancellationToken)
    {
        var key = ObjectKey.From(resource);
        using var content = JsonContent(resource);
        using var response = await _httpClient.PutAsync(ObjectPath(key.Namespace, key.Name), content, cancellationToken).ConfigureAwait(false);
        return await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<T> UpdateStatusAsync(T resource, CancellationToken cancellationToken)
    {
        var key = ObjectKey.From(resource);
        using var content = JsonContent(resource);
        using var response = await _httpClient.PutAsync(ObjectPath(key.Namespace, key.Name) + "/status", content, cancellationToken).ConfigureAwait(false);
        return await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<T> MergePatchAsync(string @namespace, string name, string patch, string? fieldManager, CancellationToken cancellationToken)
    {
        string path = ObjectPath(@namespace, name);
        if (fieldManager is not null)
        {
            path += $"?fieldManager={Uri.EscapeDataString(fieldManager)}";
        }

        using var content = new StringContent(patch, new MediaTypeHeaderValue("application/merge-patch+json"));
        using var response = await _httpClient.PatchAsync(path, content, cancellationToken).ConfigureAwait(false);
        return await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        using var response = await _httpClient.DeleteAsync(ObjectPath(@namespace, name), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private string CollectionPath(string? @namespace) => @namespace is null
        ? $"{GroupVersionPath}/{_plural}"
        : $"{GroupVersionPath}/namespaces/{Uri.EscapeDataString(@namespace)}/{_plural}";

    private string ObjectPath(string @namespace, string name) =>
        $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";

    private static StringContent JsonContent(T resource) =>
        new(ResourceJson.Serialize(resource), new MediaTypeHeaderValue("application/json"));

    private WatchEvent<T> ParseWatchLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var type = root.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        if (!root.TryGetProperty("object", out var objectElement))
        {
            throw new JsonException($"A watch event of {_plural} has no 'object': {line}");
        }

        return type switch
        {
            "ADDED" => new WatchEvent<T>(WatchEventType.Added, ResourceJson.DeserializeObject<T>(objectElement, "An ADDED event")),
            "MODIFIED" => new WatchEvent<T>(WatchEventType.Modified, ResourceJson.DeserializeObject<T>(objectElement, "A MODIFIED event")),
            "DELETED" => new WatchEvent<T>(WatchEventType.Deleted, ResourceJson.DeserializeObject<T>(objectElement, "A DELETED event")),
            "BOOKMARK" => new WatchEvent<T>(WatchEventType.Bookmark, ResourceJson.DeserializeObject<T>(objectElement, "A BOOKMARK event")),
            "ERROR" => throw ResourceJson.ToStatusException(HttpStatusCode.InternalServerError, objectElement.GetRawText()),
            _ => throw new JsonException($"A watch event of {_plural} has the unknown type '{type}'; expected ADDED, MODIFIED, DELETED, BOOKMARK or ERROR."),
        };
    }

    private static async Task<T> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ResourceJson.DeserializeObject<T>(document.RootElement, $"The response of {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw ResourceJson.ToStatusException(response.StatusCode, body);
    }
}
