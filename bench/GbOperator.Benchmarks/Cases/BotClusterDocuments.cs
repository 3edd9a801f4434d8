using System.Text.Json.Nodes;

namespace GbOperator.Benchmarks.Cases;

/// <summary>BotCluster documents and API paths that the cases create, read and update.</summary>
internal static class BotClusterDocuments
{
    private const string GroupVersion = "/apis/generalbots.ai/v1alpha1";

    /// <summary>Health-check interval of every document, which is also the requeue delay of a converged BotCluster.</summary>
    public static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(10);

    /// <summary>The collection path of BotClusters in <paramref name="ns"/>.</summary>
    public static string CollectionPath(string ns) => $"{GroupVersion}/namespaces/{ns}/botclusters";

    /// <summary>The path of one BotCluster.</summary>
    public static string ObjectPath(string ns, string name) => $"{CollectionPath(ns)}/{name}";

    /// <summary>
    /// A BotCluster of the stand-in image whose health check uses <c>/health</c>, which returns 200 without a
    /// database. <paramref name="listenPort"/> sets the Caddy listen address when given.
    /// </summary>
    public static JsonObject Create(string ns, string name, int replicas, int? listenPort = null)
    {
        var spec = new JsonObject
        {
            ["image"] = "botserver-standin",
            ["replicas"] = replicas,
            ["port"] = 8080,
            ["healthCheck"] = new JsonObject { ["path"] = "/health", ["interval"] = $"{HealthInterval.TotalSeconds}s", ["timeout"] = "5s", ["retries"] = 3 },
        };
        if (listenPort is { } port)
        {
            spec["routing"] = new JsonObject { ["listenAddress"] = $"127.0.0.1:{port}" };
        }

        return new JsonObject
        {
            ["apiVersion"] = "generalbots.ai/v1alpha1",
            ["kind"] = "BotCluster",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = spec,
        };
    }

    /// <summary>The same object as YAML, for manifest folders.</summary>
    public static string CreateYaml(string ns, string name, int replicas) => $"""
        apiVersion: generalbots.ai/v1alpha1
        kind: BotCluster
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          image: botserver-standin
          replicas: {replicas}
          port: 8080
          healthCheck:
            path: /health
            interval: {HealthInterval.TotalSeconds}s
            timeout: 5s
            retries: 3

        """;
}
