using System.Security.Cryptography;
using System.Text;

namespace GbOperator.Resources.ApplySets;

/// <summary>The Kubernetes ApplySet label and annotation keys, and the id of a parent.</summary>
public static class ApplySetLabels
{
    /// <summary>Label of the parent with its own id.</summary>
    public const string Id = "applyset.kubernetes.io/id";

    /// <summary>Label of each member with the id of its parent.</summary>
    public const string PartOf = "applyset.kubernetes.io/part-of";

    /// <summary>Annotation of the parent naming the tool that manages the set, such as <c>gbctl/v0.1.0</c>.</summary>
    public const string Tooling = "applyset.kubernetes.io/tooling";

    /// <summary>Annotation of the parent listing the members' kinds as <c>Kind.group</c>, comma-separated and sorted.</summary>
    public const string ContainsGroupKinds = "applyset.kubernetes.io/contains-group-kinds";

    /// <summary>Annotation of the parent listing the members' namespaces other than its own, comma-separated and sorted.</summary>
    public const string AdditionalNamespaces = "applyset.kubernetes.io/additional-namespaces";

    /// <summary>
    /// Returns the id of a parent as the Kubernetes ApplySet specification defines it:
    /// <c>applyset-</c>, the unpadded base64url SHA-256 of <c>NAME.NAMESPACE.KIND.GROUP</c>, then <c>-v1</c>.
    /// </summary>
    public static string ParentId(string kind, string @namespace, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{name}.{@namespace}.{kind}.{ApiGroup.Name}"));
        var encoded = Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"applyset-{encoded}-v1";
    }

    /// <summary>Formats a kind as the <see cref="ContainsGroupKinds"/> annotation lists it, such as <c>BotCluster.generalbots.ai</c>.</summary>
    public static string GroupKind(ResourceKind kind) => $"{kind.Kind}.{ApiGroup.Name}";

    /// <summary>Returns the served kinds named in a <see cref="ContainsGroupKinds"/> value, ignoring unknown ones.</summary>
    public static IReadOnlyList<ResourceKind> ParseGroupKinds(string? annotation) =>
        Split(annotation)
            .Select(groupKind => ResourceCatalog.All.FirstOrDefault(kind => GroupKind(kind) == groupKind))
            .OfType<ResourceKind>()
            .ToList();

    /// <summary>Splits a comma-separated annotation value into its non-empty items.</summary>
    public static IReadOnlyList<string> Split(string? annotation) =>
        (annotation ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
