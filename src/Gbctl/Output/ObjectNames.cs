using System.Text.Json.Nodes;
using GbOperator.Resources;

namespace Gbctl.Output;

/// <summary>The names kubectl prints for objects, such as <c>botcluster.generalbots.ai/web</c>.</summary>
internal static class ObjectNames
{
    /// <summary>Returns <c>kind.group</c> in lower case, such as <c>botcluster.generalbots.ai</c>.</summary>
    public static string Qualified(ResourceKind kind) => $"{kind.Kind.ToLowerInvariant()}.{ApiGroup.Name}";

    /// <summary>Returns <c>kind.group/name</c>, the form of <c>-o name</c> and of apply's messages.</summary>
    public static string Slashed(ResourceKind kind, string name) => $"{Qualified(kind)}/{name}";

    /// <summary>Returns <c>kind.group "name"</c>, the form of delete's messages.</summary>
    public static string Quoted(ResourceKind kind, string name) => $"{Qualified(kind)} \"{name}\"";

    /// <summary>Returns <c>metadata.name</c> of <paramref name="item"/>, or an empty string.</summary>
    public static string NameOf(JsonObject item) => (string?)item["metadata"]?["name"] ?? string.Empty;

    /// <summary>Returns <c>metadata.namespace</c> of <paramref name="item"/>, or <c>null</c>.</summary>
    public static string? NamespaceOf(JsonObject item) => (string?)item["metadata"]?["namespace"];
}
