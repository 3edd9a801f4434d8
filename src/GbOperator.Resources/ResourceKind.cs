namespace GbOperator.Resources;

/// <summary>Names and metadata of one served kind, as discovery, the CRDs and gbctl use them.</summary>
/// <param name="Kind">Kind name, such as <c>BotCluster</c>.</param>
/// <param name="Plural">Lower-case plural used in URLs, such as <c>botclusters</c>.</param>
/// <param name="Singular">Lower-case singular, such as <c>botcluster</c>.</param>
/// <param name="ShortNames">Short names accepted by the CLI, such as <c>bc</c>.</param>
/// <param name="ResourceType">The C# type of the object.</param>
/// <param name="PrinterColumns">Columns of table output after NAME (and NAMESPACE), ending with AGE.</param>
public sealed record ResourceKind(
    string Kind,
    string Plural,
    string Singular,
    IReadOnlyList<string> ShortNames,
    Type ResourceType,
    IReadOnlyList<PrinterColumn> PrinterColumns)
{
    /// <summary>Returns the <c>{plural}.{group}</c> name that CRDs and RBAC use.</summary>
    public string QualifiedName => $"{Plural}.{ApiGroup.Name}";

    /// <summary>Returns the kind name of a list of these objects, such as <c>BotClusterList</c>.</summary>
    public string ListKind => $"{Kind}List";

    /// <summary>Returns the store key prefix of all objects of this kind, ending in <c>/</c>.</summary>
    public string KeyPrefix => $"/registry/{ApiGroup.Name}/{Plural}/";

    /// <summary>Returns the store key prefix of the objects of this kind in one namespace, ending in <c>/</c>.</summary>
    public string NamespaceKeyPrefix(string @namespace) => $"{KeyPrefix}{@namespace}/";

    /// <summary>Returns the store key of one object.</summary>
    public string Key(string @namespace, string name) => $"{KeyPrefix}{@namespace}/{name}";
}
