namespace GbOperator.Resources;

/// <summary>The kinds GbOperator serves, looked up by kind, plural, singular or short name.</summary>
public static class ResourceCatalog
{
    /// <summary>Every served kind, in discovery order.</summary>
    public static IReadOnlyList<ResourceKind> All => throw new NotImplementedException();

    /// <summary>Finds a kind by kind name, plural, singular or short name, ignoring case; <c>null</c> when unknown.</summary>
    public static ResourceKind? Find(string name) => throw new NotImplementedException();
}
