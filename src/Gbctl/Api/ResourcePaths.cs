using GbOperator.Resources;

namespace Gbctl.Api;

/// <summary>Builds the REST paths of the served kinds, following the Kubernetes URL layout.</summary>
internal static class ResourcePaths
{
    private const string GroupVersionRoot = "/apis/" + ApiGroup.Name + "/" + ApiGroup.Version;

    /// <summary>Returns the collection path in <paramref name="namespace"/>, or across all namespaces when it is <c>null</c>.</summary>
    public static string Collection(ResourceKind kind, string? @namespace) =>
        @namespace is null
            ? $"{GroupVersionRoot}/{kind.Plural}"
            : $"{GroupVersionRoot}/namespaces/{Uri.EscapeDataString(@namespace)}/{kind.Plural}";

    /// <summary>Returns the path of one object.</summary>
    public static string Item(ResourceKind kind, string @namespace, string name) =>
        $"{Collection(kind, @namespace)}/{Uri.EscapeDataString(name)}";

    /// <summary>Returns the path of a subresource of one object, such as <c>scale</c>.</summary>
    public static string Subresource(ResourceKind kind, string @namespace, string name, string subresource) =>
        $"{Item(kind, @namespace, name)}/{subresource}";

    /// <summary>Returns the path of the core events collection in <paramref name="namespace"/>.</summary>
    public static string Events(string @namespace) => $"/api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/events";

    /// <summary>Appends a query string built from the non-null <paramref name="parameters"/>.</summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var pairs = parameters
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}")
            .ToList();
        return pairs.Count == 0 ? path : $"{path}?{string.Join('&', pairs)}";
    }
}
