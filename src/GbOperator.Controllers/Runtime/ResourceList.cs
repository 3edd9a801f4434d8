namespace GbOperator.Controllers.Runtime;

/// <summary>The items of a list and the revision of the snapshot they were read at.</summary>
/// <param name="Items">Objects of the list.</param>
/// <param name="ResourceVersion">List <c>metadata.resourceVersion</c>; a watch from it misses no later change.</param>
/// <typeparam name="T">Resource type of the listed kind.</typeparam>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion);
