using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Controllers.BotClusters;

/// <summary>The BotCluster an instance belongs to, as its owner keys record it.</summary>
internal sealed record InstanceOwner(string Namespace, string Name, string Uid)
{
    /// <summary>Reads the owner keys; <c>null</c> when the instance is not a BotCluster instance of this operator.</summary>
    public static InstanceOwner? Read(LxdInstance instance)
    {
        var config = instance.Config;
        if (config.GetValueOrDefault(InstanceKeys.OwnerKind) != BotCluster.KindName
            || config.GetValueOrDefault(InstanceKeys.OwnerNamespace) is not { } ns
            || config.GetValueOrDefault(InstanceKeys.OwnerName) is not { } name)
        {
            return null;
        }

        return new InstanceOwner(ns, name, config.GetValueOrDefault(InstanceKeys.OwnerUid) ?? "");
    }

    /// <summary>Whether the instance belongs to <paramref name="ns"/>/<paramref name="name"/>, whatever its uid.</summary>
    public bool IsNamed(string ns, string name) => Namespace == ns && Name == name;
}
