using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>Minimal valid objects for the tests.</summary>
public static class Manifests
{
    public const string Group = "generalbots.ai";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;

    public static JsonObject BotCluster(string name, int replicas = 1, IDictionary<string, string>? labels = null, string image = "botserver-standin")
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            var labelObject = new JsonObject();
            foreach (var (key, value) in labels)
            {
                labelObject[key] = value;
            }

            metadata["labels"] = labelObject;
        }

        return new JsonObject
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = "BotCluster",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["image"] = image, ["replicas"] = replicas },
        };
    }

    public static string BotClusters(string @namespace) => $"/apis/{ApiVersion}/namespaces/{@namespace}/botclusters";

    public static string BotClusterPath(string @namespace, string name) => $"{BotClusters(@namespace)}/{name}";

    /// <summary>Returns a namespace name unique to one test, so tests sharing a server never see each other's objects.</summary>
    public static string UniqueNamespace() => "ns-" + Guid.NewGuid().ToString("N")[..12];
}
