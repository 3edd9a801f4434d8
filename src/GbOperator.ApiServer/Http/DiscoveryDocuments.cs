using System.Text.Json.Nodes;
using GbOperator.ApiServer.Registry;
using GbOperator.Resources;

namespace GbOperator.ApiServer.Http;

/// <summary>The discovery documents of <c>/version</c>, <c>/api</c>, <c>/apis</c> and the group version.</summary>
/// <remarks>They are built from the resource catalog only, so discovery works while the store is down.</remarks>
internal static class DiscoveryDocuments
{
    private static readonly string[] MainVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    /// <summary>Returns the version info; 1.20 is the Kubernetes API level the server implements for kubectl 1.20.</summary>
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "20",
        ["gitVersion"] = "v1.20.0-gb." + (typeof(DiscoveryDocuments).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"),
        ["gitCommit"] = "unknown",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "1970-01-01T00:00:00Z",
        ["goVersion"] = "n/a",
        ["compiler"] = "n/a",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["apiVersion"] = "v1",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(),
    };

    /// <summary>Returns the core/v1 resource list: only <c>events</c>, because namespaces are implicit and not listed.</summary>
    public static JsonObject CoreResourceList() => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = "v1",
        ["resources"] = new JsonArray(new JsonObject
        {
            ["name"] = "events",
            ["singularName"] = "event",
            ["namespaced"] = true,
            ["kind"] = "Event",
            ["verbs"] = ToArray(MainVerbs),
            ["shortNames"] = ToArray(["ev"]),
        }),
    };

    /// <summary>Returns an active core/v1 Namespace named <paramref name="name"/>.</summary>
    public static JsonObject ImplicitNamespace(string name) => new()
    {
        ["kind"] = "Namespace",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject(),
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    public static JsonObject GroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(GroupBody()),
    };

    public static JsonObject Group()
    {
        var group = GroupBody();
        group["kind"] = "APIGroup";
        group["apiVersion"] = "v1";
        return group;
    }

    public static JsonObject ResourceList()
    {
        var resources = new JsonArray();
        foreach (var kind in ResourceCatalog.All)
        {
            resources.Add(new JsonObject
            {
                ["name"] = kind.Plural,
                ["singularName"] = kind.Singular,
                ["namespaced"] = true,
                ["kind"] = kind.Kind,
                ["verbs"] = ToArray(MainVerbs),
                ["shortNames"] = ToArray(kind.ShortNames),
                ["categories"] = ToArray([ResourceCatalog.Category]),
            });
            resources.Add(new JsonObject
            {
                ["name"] = kind.Plural + "/status",
                ["singularName"] = string.Empty,
                ["namespaced"] = true,
                ["kind"] = kind.Kind,
                ["verbs"] = ToArray(SubresourceVerbs),
            });
            if (ScaleSubresource.For(kind) is not null)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = kind.Plural + "/scale",
                    ["singularName"] = string.Empty,
                    ["namespaced"] = true,
                    ["group"] = "autoscaling",
                    ["version"] = "v1",
                    ["kind"] = "Scale",
                    ["verbs"] = ToArray(SubresourceVerbs),
                });
            }

            if (kind == ResourceCatalog.ShardMaps)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = kind.Plural + "/resolve",
                    ["singularName"] = string.Empty,
                    ["namespaced"] = true,
                    ["kind"] = "ShardResolution",
                    ["verbs"] = ToArray(["get"]),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = ApiGroup.ApiVersion,
            ["resources"] = resources,
        };
    }

    private static JsonObject GroupBody()
    {
        var version = new JsonObject { ["groupVersion"] = ApiGroup.ApiVersion, ["version"] = ApiGroup.Version };
        return new JsonObject
        {
            ["name"] = ApiGroup.Name,
            ["versions"] = new JsonArray(version),
            ["preferredVersion"] = version.DeepClone(),
        };
    }

    private static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
