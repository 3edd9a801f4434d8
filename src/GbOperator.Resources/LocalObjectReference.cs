namespace GbOperator.Resources;

/// <summary>A reference by name to another object in the same namespace.</summary>
public sealed record LocalObjectReference
{
    /// <summary>Name of the referenced object.</summary>
    public string Name { get; init; } = "";
}
