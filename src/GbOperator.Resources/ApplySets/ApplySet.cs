namespace GbOperator.Resources.ApplySets;

/// <summary>
/// The parent record of an apply set: the objects that one <c>gbctl apply --prune</c> source owns, found by the
/// <see cref="ApplySetLabels.PartOf"/> label that carries the parent's <see cref="ApplySetLabels.Id"/>.
/// </summary>
/// <remarks>
/// As in Kubernetes ApplySets, the parent's labels and annotations are the record: the id label, the kinds and
/// the namespaces that members live in. The spec is empty.
/// </remarks>
public sealed record ApplySet : Resource<ApplySetSpec, ResourceStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "ApplySet";

    /// <inheritdoc />
    public override string Kind { get; init; } = KindName;
}
