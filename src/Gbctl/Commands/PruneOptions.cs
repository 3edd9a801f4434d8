using System.CommandLine;
using Gbctl.Cli;
using Gbctl.Prune;
using GbOperator.Resources.ApplySets;

namespace Gbctl.Commands;

/// <summary>The <c>--prune</c>, <c>--applyset</c>, <c>--prune-max-percent</c> and <c>--force-prune</c> options.</summary>
internal sealed class PruneOptions
{
    public Option<bool> Prune { get; } = new("--prune")
    {
        Description = "Delete the objects of the apply set whose manifests are no longer in the source. Members carry the label "
            + ApplySetLabels.PartOf + "; an ApplySet object records the set.",
    };

    public Option<string?> ApplySet { get; } = new("--applyset")
    {
        Description = "Name of the ApplySet object of --prune, in the command's namespace. Default: the name of the one folder given with -f.",
    };

    public Option<int> MaxPrunePercent { get; } = new("--prune-max-percent")
    {
        Description = "The largest share of the set's members, in percent from 0 to 100, that one apply may delete.",
        DefaultValueFactory = _ => PruneDecision.DefaultMaxPrunePercent,
    };

    public Option<bool> ForcePrune { get; } = new("--force-prune")
    {
        Description = "Prune even when the source has no objects or more than --prune-max-percent of the set would be deleted.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Prune);
        command.Options.Add(ApplySet);
        command.Options.Add(MaxPrunePercent);
        command.Options.Add(ForcePrune);
    }

    /// <summary>Reads the options.</summary>
    /// <exception cref="CliException">The share is outside 0 to 100, or a prune flag was given without <c>--prune</c>.</exception>
    public PruneSettings Read(ParseResult result)
    {
        var settings = new PruneSettings(
            result.GetValue(Prune),
            result.GetValue(ApplySet),
            result.GetValue(MaxPrunePercent),
            result.GetValue(ForcePrune));
        if (settings.MaxPrunePercent is < 0 or > 100)
        {
            throw new CliException($"invalid --prune-max-percent value {settings.MaxPrunePercent}: use a whole number from 0 to 100.");
        }

        if (!settings.Enabled && (settings.ApplySetName is not null || settings.Force))
        {
            throw new CliException("--applyset and --force-prune only apply with --prune; add --prune.");
        }

        return settings;
    }
}
