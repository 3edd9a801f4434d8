using GbOperator.Infrastructure.Lxd;

namespace GbOperator.Controllers.BotClusters;

/// <summary>One instance of the cluster being reconciled, read from LXD.</summary>
internal sealed record ObservedInstance(LxdInstance Instance, int? HostPort, string? SpecHash, DateTimeOffset? DrainingSince)
{
    public string Name => Instance.Name;

    public bool IsDraining => DrainingSince is not null;

    public static ObservedInstance From(LxdInstance instance)
    {
        var config = instance.Config;
        int? port = int.TryParse(config.GetValueOrDefault(InstanceKeys.HostPort), out var value) ? value : null;
        DateTimeOffset? since = DateTimeOffset.TryParse(
            config.GetValueOrDefault(InstanceKeys.DrainingSince),
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind,
            out var parsed)
            ? parsed
            : null;
        return new ObservedInstance(instance, port, config.GetValueOrDefault(InstanceKeys.SpecHash), since);
    }
}
