using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GbOperator.Benchmarks.Cases.Watch;

/// <summary>Watches a BotCluster collection over HTTP with many streams and updates one object by merge patch.</summary>
internal static class ApiWatchers
{
    /// <summary>Annotation that carries the update's sequence number.</summary>
    public const string SequenceAnnotation = "bench.generalbots.ai/sequence";

    /// <summary>
    /// Opens one watch stream per watcher from <paramref name="resourceVersion"/> and returns when every stream has its
    /// response headers; each stream then reports MODIFIED events to <paramref name="log"/> until cancelled.
    /// </summary>
    public static async Task<Task[]> OpenAsync(
        HttpClient client, string collectionPath, string resourceVersion, int watchers, DeliveryLog log, CancellationToken cancellationToken)
    {
        var opened = new List<(HttpResponseMessage Response, int Watcher)>();
        foreach (int watcher in Enumerable.Range(0, watchers))
        {
            var response = await client.GetAsync(
                $"{collectionPath}?watch=true&resourceVersion={resourceVersion}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            opened.Add((response, watcher));
        }

        return [.. opened.Select(pair => Task.Run(() => ReadAsync(pair.Response, pair.Watcher, log, cancellationToken), cancellationToken))];
    }

    /// <summary>Sets the sequence annotation of the object at <paramref name="objectPath"/> with a JSON merge patch.</summary>
    public static async Task UpdateAsync(HttpClient client, string objectPath, int sequence, CancellationToken cancellationToken)
    {
        string patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [SequenceAnnotation] = sequence.ToString(CultureInfo.InvariantCulture) } },
        }.ToJsonString();
        using var content = new StringContent(patch, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        using var response = await client.PatchAsync(objectPath, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"PATCH {objectPath} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static async Task ReadAsync(HttpResponseMessage response, int watcher, DeliveryLog log, CancellationToken cancellationToken)
    {
        using (response)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.GetProperty("type").GetString() != "MODIFIED")
                {
                    continue;
                }

                if (root.GetProperty("object").GetProperty("metadata").TryGetProperty("annotations", out var annotations)
                    && annotations.TryGetProperty(SequenceAnnotation, out var sequence))
                {
                    log.Received(watcher, int.Parse(sequence.GetString()!, CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
