namespace GbOperator.Resources.ApplySets;

/// <summary>Desired state of an <see cref="ApplySet"/>, which has no fields because the parent's metadata is the record.</summary>
public sealed record ApplySetSpec;
