using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gbctl.Cli;

namespace Gbctl.Commands;

/// <summary>Sends a planned switchover to the REST API of a Patroni cluster.</summary>
internal static class PatroniSwitchover
{
    /// <summary>Longest wait for Patroni's answer: Patroni 3.0.2 finishes or gives up within about 2 * max(10 s, loop_wait).</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Asks the first member that accepts a connection for a switchover and returns Patroni's message. A 503
    /// "Switchover status unknown" counts as accepted, because Patroni may still finish it.
    /// </summary>
    /// <exception cref="CliException">Patroni rejected the switchover, or no member accepted the connection.</exception>
    public static async Task<string> RequestAsync(IReadOnlyList<string> endpoints, string leader, string? candidate, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["leader"] = leader };
        if (candidate is not null)
        {
            body["candidate"] = candidate;
        }

        using var http = new HttpClient { Timeout = RequestTimeout };
        var errors = new List<string>();
        foreach (string endpoint in endpoints)
        {
            // Patroni's HTTP server rejects a chunked body with 411, so the body goes with a Content-Length.
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync($"{endpoint.TrimEnd('/')}/switchover", content, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                errors.Add($"{endpoint}: {exception.Message}");
                continue;
            }

            using (response)
            {
                string message = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
                bool pending = response.StatusCode == HttpStatusCode.ServiceUnavailable && message.Contains("status unknown", StringComparison.OrdinalIgnoreCase);
                if (response.IsSuccessStatusCode || pending)
                {
                    return message;
                }

                throw new CliException($"Patroni at {endpoint} rejected the switchover with {(int)response.StatusCode}: {message}");
            }
        }

        throw new CliException($"no Patroni member in spec.patroni.endpoints accepted the switchover request: {string.Join("; ", errors)}.");
    }

    /// <summary>Returns the members listed in a FailoverPolicy's status as (name, role, endpoint).</summary>
    public static List<(string Name, string? Role, string? Endpoint)> Members(JsonObject policy) =>
        (policy["status"]?["members"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(member => ((string?)member["name"] ?? "", (string?)member["role"], (string?)member["endpoint"]))
            .Where(member => member.Item1.Length > 0)
            .ToList();

    /// <summary>Returns the string at <paramref name="path"/> in <paramref name="node"/>, or <c>null</c>.</summary>
    public static string? ReadString(JsonNode? node, params string[] path)
    {
        foreach (string part in path)
        {
            node = node?[part];
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }
}
