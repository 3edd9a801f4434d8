namespace GbOperator.Resources.GitRepositories;

/// <summary>One object that a <see cref="GitRepository"/> applied.</summary>
public sealed record InventoryEntry
{
    /// <summary>Kind name, such as <c>BotCluster</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Namespace of the object.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Name of the object.</summary>
    public string Name { get; init; } = "";
}
