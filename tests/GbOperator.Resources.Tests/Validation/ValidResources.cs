using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using GbOperator.Resources.ShardMaps;
using k8s.Models;

namespace GbOperator.Resources.Tests.Validation;

/// <summary>Valid objects that the validator tests change one field at a time.</summary>
internal static class ValidResources
{
    public static BotCluster BotCluster { get; } = new()
    {
        Metadata = new V1ObjectMeta { Name = "demo", NamespaceProperty = "default" },
        Spec = new BotClusterSpec { Image = "botserver-standin", Replicas = 3 },
    };

    public static ShardMapSpec TenantSpec { get; } = new()
    {
        Shards = [new Shard { Name = "shard1", Endpoint = "127.0.0.1:5432" }, new Shard { Name = "shard2", Endpoint = "db2.example.com:5433" }],
        Tenants = [new Tenant { Name = "acme", Shard = "shard1" }],
    };

    public static ShardMap ShardMap { get; } = new()
    {
        Metadata = new V1ObjectMeta { Name = "demo", NamespaceProperty = "default" },
        Spec = TenantSpec,
    };

    public static FailoverPolicy FailoverPolicy { get; } = new()
    {
        Metadata = new V1ObjectMeta { Name = "demo", NamespaceProperty = "default" },
        Spec = new FailoverPolicySpec
        {
            Patroni = new PatroniSpec { Endpoints = ["http://127.0.0.1:8008"] },
            Sentinel = new SentinelSpec { Endpoints = ["127.0.0.1:26379", "127.0.0.1:26380"] },
        },
    };

    public static BotCluster Cluster(Func<BotClusterSpec, BotClusterSpec> change) => BotCluster with { Spec = change(BotCluster.Spec) };

    public static ShardMap Map(Func<ShardMapSpec, ShardMapSpec> change) => ShardMap with { Spec = change(ShardMap.Spec) };

    public static FailoverPolicy Policy(Func<FailoverPolicySpec, FailoverPolicySpec> change) => FailoverPolicy with { Spec = change(FailoverPolicy.Spec) };
}
