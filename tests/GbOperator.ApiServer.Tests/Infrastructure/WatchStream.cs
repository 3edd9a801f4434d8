using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>An open watch request, read one newline-terminated event at a time.</summary>
public sealed class WatchStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public System.Net.HttpStatusCode StatusCode => _response.StatusCode;

    public static async Task<WatchStream> OpenAsync(HttpClient client, string pathAndQuery, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
        {
            request.Headers.Accept.Clear();
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        return new WatchStream(response, new StreamReader(stream));
    }

    /// <summary>Reads the next event, or returns <c>null</c> when the server closed the stream.</summary>
    public async Task<JsonObject?> ReadEventAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        string? line;
        try
        {
            line = await _reader.ReadLineAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No watch event arrived within {(timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds} s.");
        }

        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>Reads the next event, failing when the server closed the stream.</summary>
    public async Task<JsonObject> ReadNextAsync(TimeSpan? timeout = null) =>
        await ReadEventAsync(timeout) ?? throw new InvalidOperationException("The watch stream closed before the next event.");

    /// <summary>Reads events until one satisfies <paramref name="predicate"/>, skipping bookmarks and other events.</summary>
    public async Task<JsonObject> ReadUntilAsync(Func<JsonObject, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException("No matching watch event arrived before the deadline.");
            }

            var change = await ReadEventAsync(remaining) ?? throw new InvalidOperationException("The watch stream closed before a matching event arrived.");
            if (predicate(change))
            {
                return change;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
