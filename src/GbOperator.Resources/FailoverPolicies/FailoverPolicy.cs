namespace GbOperator.Resources.FailoverPolicies;

/// <summary>How the database and cache behind a cluster fail over, and how bots degrade while they do.</summary>
public sealed record FailoverPolicy : Resource<FailoverPolicySpec, FailoverPolicyStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "FailoverPolicy";

    /// <inheritdoc />
    public override string Kind { get; init; } = KindName;
}
