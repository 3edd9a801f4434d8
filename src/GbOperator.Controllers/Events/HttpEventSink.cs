using System.Globalization;
using System.Net;
using System.Text;
using k8s;
using k8s.Models;

namespace GbOperator.Controllers.Events;

/// <summary><see cref="IEventSink"/> over <c>/api/v1/namespaces/{namespace}/events</c>.</summary>
internal sealed class HttpEventSink(HttpClient httpClient) : IEventSink
{
    public async Task CreateAsync(Corev1Event @event, CancellationToken cancellationToken)
    {
        using var content = new StringContent(KubernetesJson.Serialize(@event), Encoding.UTF8, "application/json");
        using var response = await httpClient.PostAsync(CollectionPath(@event.Metadata.NamespaceProperty), content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> PatchCountAsync(string @namespace, string name, int count, DateTime lastTimestamp, CancellationToken cancellationToken)
    {
        var timestamp = lastTimestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = $"{{\"count\":{count.ToString(CultureInfo.InvariantCulture)},\"lastTimestamp\":\"{timestamp}\"}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/merge-patch+json");
        // StringContent adds "; charset=utf-8", which the API server accepts for patch media types.
        using var response = await httpClient.PatchAsync($"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}", content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string CollectionPath(string @namespace) => $"/api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/events";

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"The API server returned {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }
    }
}
