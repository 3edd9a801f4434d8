namespace Gbctl.Api;

/// <summary>Content types and Accept headers of the Kubernetes API.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";

    public const string MergePatch = "application/merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    /// <summary>Asks for a <c>meta.k8s.io</c> Table, falling back to the plain object, as kubectl does.</summary>
    public const string TableOrJson =
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
}
