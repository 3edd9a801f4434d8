using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>Server-side apply requests and readers of <c>metadata.managedFields</c>.</summary>
public static class Apply
{
    public const string ContentType = "application/apply-patch+yaml";

    /// <summary>Sends <paramref name="yaml"/> as an apply patch with the given query, such as <c>fieldManager=a&amp;force=true</c>.</summary>
    public static Task<ApiResponse> ApplyYamlAsync(this HttpClient client, string path, string query, string yaml) =>
        client.SendTextAsync(HttpMethod.Patch, path + (query.Length == 0 ? string.Empty : "?" + query), yaml, ContentType);

    /// <summary>Returns a BotCluster configuration in YAML with the given spec lines, indented under <c>spec:</c>.</summary>
    public static string BotClusterYaml(string name, params string[] specLines) =>
        $"""
        apiVersion: {Manifests.ApiVersion}
        kind: BotCluster
        metadata:
          name: {name}
        spec:
        {string.Join("\n", specLines.Select(line => "  " + line))}
        """;

    /// <summary>Returns the entry of <paramref name="manager"/> with <paramref name="operation"/>, or <c>null</c>.</summary>
    public static JsonObject? Entry(JsonObject json, string manager, string operation) =>
        (json["metadata"]?["managedFields"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(entry => entry["manager"]?.GetValue<string>() == manager && entry["operation"]?.GetValue<string>() == operation);

    /// <summary>Returns the managers whose entries own <paramref name="fieldsV1Path"/>, such as <c>f:spec</c>, <c>f:replicas</c>.</summary>
    public static List<string> OwnersOf(JsonObject json, params string[] fieldsV1Path) =>
        (json["metadata"]?["managedFields"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(entry => Descend(entry["fieldsV1"], fieldsV1Path) is not null)
            .Select(entry => entry["manager"]!.GetValue<string>())
            .ToList();

    private static JsonNode? Descend(JsonNode? node, string[] path)
    {
        foreach (var segment in path)
        {
            node = node is JsonObject parent ? parent[segment] : null;
        }

        return node;
    }
}
