using GbOperator.Resources;

namespace Gbctl.Cli;

/// <summary>Turns the resource type a user typed (plural, singular, short name or kind, optionally with <c>.generalbots.ai</c>) into a kind.</summary>
internal static class KindResolver
{
    /// <summary>Returns the kind named <paramref name="name"/>.</summary>
    /// <exception cref="CliException">No served kind has that name.</exception>
    public static ResourceKind Resolve(string name)
    {
        var bare = name;
        var groupSuffix = "." + ApiGroup.Name;
        if (bare.EndsWith(groupSuffix, StringComparison.OrdinalIgnoreCase))
        {
            bare = bare[..^groupSuffix.Length];
        }

        var versionSuffix = "." + ApiGroup.Version;
        if (bare.EndsWith(versionSuffix, StringComparison.OrdinalIgnoreCase))
        {
            bare = bare[..^versionSuffix.Length];
        }

        return ResourceCatalog.Find(bare)
            ?? throw new CliException($"the server doesn't have a resource type \"{name}\". Known types: {KnownTypes()}.");
    }

    /// <summary>Returns the kind named <paramref name="name"/>, or every kind of the category of that name, such as <c>gb</c>.</summary>
    /// <remarks>A kind name takes precedence over a category of the same name, as in kubectl.</remarks>
    /// <exception cref="CliException">No served kind or category has that name.</exception>
    public static IReadOnlyList<ResourceKind> ResolveKindOrCategory(string name)
    {
        var category = ResourceCatalog.FindCategory(name);
        if (category.Count > 0 && ResourceCatalog.Find(name) is null)
        {
            return category;
        }

        return [Resolve(name)];
    }

    /// <summary>Lists the served kinds with their short names, for error and help messages.</summary>
    public static string KnownTypes() =>
        string.Join(", ", ResourceCatalog.All.Select(k => k.ShortNames.Count == 0 ? k.Plural : $"{k.Plural} ({string.Join(", ", k.ShortNames)})"));
}
