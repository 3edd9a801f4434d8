using GbOperator.Resources;

namespace GbOperator.ApiServer.Http;

/// <summary>
/// A parsed resource URL under <c>/apis/generalbots.ai/v1alpha1</c>: the kind, and the namespace, name and
/// subresource when present.
/// </summary>
internal sealed record ResourcePath(ResourceKind Kind, string? Namespace, string? Name, string? Subresource, bool LegacyWatch)
{
    /// <summary>Parses the segments after the group-version prefix.</summary>
    /// <exception cref="ApiException">404 NotFound for an unknown plural or an unsupported shape.</exception>
    public static ResourcePath Parse(IReadOnlyList<string> segments)
    {
        var legacyWatch = segments.Count > 0 && segments[0] == "watch";
        if (legacyWatch)
        {
            segments = segments.Skip(1).ToList();
        }

        string? @namespace = null;
        if (segments.Count >= 3 && segments[0] == "namespaces")
        {
            @namespace = segments[1];
            segments = segments.Skip(2).ToList();
        }
        else if (segments.Count != 1)
        {
            throw StatusObjects.ResourceNotFound();
        }

        if (segments.Count is 0 or > 3)
        {
            throw StatusObjects.ResourceNotFound();
        }

        var kind = ResourceCatalog.All.FirstOrDefault(candidate => candidate.Plural == segments[0])
            ?? throw StatusObjects.ResourceNotFound();
        var name = segments.Count > 1 ? segments[1] : null;
        var subresource = segments.Count > 2 ? segments[2] : null;
        if (subresource is not null and not "status" and not "scale" and not ShardResolveHandler.Subresource)
        {
            throw StatusObjects.ResourceNotFound();
        }

        return new ResourcePath(kind, @namespace, name, subresource, legacyWatch);
    }
}
