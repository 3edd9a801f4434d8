using Gbctl.Apply;
using GbOperator.Resources.ApplySets;

namespace Gbctl.Prune;

/// <summary>The members of an apply set after an apply, and those among them that left the source.</summary>
/// <param name="Parent">The set's parent record.</param>
/// <param name="Members">Every object that carries the set's label.</param>
/// <param name="Prunable">Members that no manifest of the source names.</param>
/// <param name="Decision">Whether <paramref name="Prunable"/> may be deleted.</param>
internal sealed record PrunePlan(ApplySetParent Parent, IReadOnlyList<ApplySetMember> Members, IReadOnlyList<ApplySetMember> Prunable, PruneDecision Decision)
{
    /// <summary>Lists the members of the set across the recorded and the current kinds and namespaces, and finds those that left the source.</summary>
    public static async Task<PrunePlan> CreateAsync(
        ApplySetParent parent, IReadOnlyList<ManifestObject> sources, PruneSettings settings, CancellationToken cancellationToken)
    {
        var kinds = parent.Kinds.Concat(sources.Select(source => source.Kind)).Distinct().ToList();
        var namespaces = parent.Namespaces.Concat(sources.Select(source => source.Namespace)).Distinct().ToList();
        var members = await parent.ListMembersAsync(kinds, namespaces, cancellationToken);
        var expected = sources.Select(source => new ApplySetMember(source.Kind, source.Namespace, source.Name)).ToHashSet();
        var prunable = members.Where(member => !expected.Contains(member)).ToList();
        var decision = PruneDecision.Decide(sources.Count, members.Count, prunable.Count, settings.MaxPrunePercent, settings.Force);
        return new PrunePlan(parent, members, prunable, decision);
    }

    /// <summary>Returns <paramref name="source"/> with the set's <see cref="ApplySetLabels.PartOf"/> label.</summary>
    public static ManifestObject Label(ManifestObject source, string id)
    {
        var copy = source.Object.DeepClone().AsObject();
        var metadata = copy["metadata"]!.AsObject();
        if (metadata["labels"] is not System.Text.Json.Nodes.JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        labels[ApplySetLabels.PartOf] = id;
        return source with { Object = copy };
    }
}
