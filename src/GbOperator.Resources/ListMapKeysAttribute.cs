namespace GbOperator.Resources;

/// <summary>
/// Marks a list of objects as a map keyed by the named fields, written to the CRD as
/// <c>x-kubernetes-list-type: map</c> so server-side apply merges entries by key instead of replacing the list.
/// </summary>
/// <remarks>The key fields become required in each entry, as Kubernetes requires of list-map keys.</remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ListMapKeysAttribute(params string[] keys) : Attribute
{
    /// <summary>JSON names of the key fields of each entry.</summary>
    public IReadOnlyList<string> Keys { get; } = keys;
}
