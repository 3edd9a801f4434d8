namespace GbOperator.ApiServer.Tables;

/// <summary>The output format a request's <c>Accept</c> header requests: a plain object or a <c>meta.k8s.io</c> Table.</summary>
/// <param name="Version">Table API version, <c>v1</c> or <c>v1beta1</c>.</param>
/// <param name="IncludeObject">The <c>includeObject</c> policy: <c>None</c>, <c>Metadata</c> or <c>Object</c>.</param>
internal sealed record TableFormat(string Version, string IncludeObject)
{
    /// <summary>
    /// Returns the table format of the first servable entry of <paramref name="accept"/>, or <c>null</c> when
    /// that entry is plain JSON (or the header is absent), so the plain object is sent.
    /// </summary>
    public static TableFormat? Negotiate(string? accept, string? includeObject)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return null;
        }

        foreach (var entry in accept.Split(','))
        {
            var parts = entry.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var essence = parts[0].ToLowerInvariant();
            var parameters = parts.Skip(1)
                .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0].ToLowerInvariant(), pair => pair[1], StringComparer.Ordinal);
            if (essence is not ("application/json" or "*/*" or "application/*"))
            {
                continue;
            }

            if (!parameters.TryGetValue("as", out var @as))
            {
                return null;
            }

            var isTable = @as == "Table"
                && parameters.GetValueOrDefault("g") == "meta.k8s.io"
                && parameters.GetValueOrDefault("v") is "v1" or "v1beta1";
            if (isTable)
            {
                var policy = includeObject is "None" or "Object" ? includeObject : "Metadata";
                return new TableFormat(parameters["v"], policy);
            }
        }

        return null;
    }
}
