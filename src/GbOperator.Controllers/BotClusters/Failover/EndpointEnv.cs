using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>The <c>.env</c> entries that lead botserver to its local endpoints and carry the fallback settings.</summary>
internal static class EndpointEnv
{
    public const string DatabaseUrl = "DATABASE_URL";
    public const string CacheUrl = "CACHE_URL";

    /// <summary>Comma-separated back ends without a usable server, such as <c>database,cache</c>; absent when none.</summary>
    public const string Degraded = "GBO_DEGRADED";

    public const string FallbackLlmProvider = "GBO_FALLBACK_LLM_PROVIDER";
    public const string FallbackLlmModel = "GBO_FALLBACK_LLM_MODEL";
    public const string CacheMode = "GBO_CACHE_MODE";
    public const string VectorDbMode = "GBO_VECTOR_DB_MODE";

    /// <summary>
    /// Builds <c>DATABASE_URL</c> and <c>CACHE_URL</c> for the instance's own 127.0.0.1 endpoints. A URL in
    /// <paramref name="specEnv"/> keeps its scheme, user, password, path and query and gets the local host and port.
    /// </summary>
    public static Dictionary<string, string> LocalEndpoints(IReadOnlyDictionary<string, string> specEnv) => new(StringComparer.Ordinal)
    {
        [DatabaseUrl] = PointAtLoopback(specEnv.GetValueOrDefault(DatabaseUrl), "postgres", EndpointDevices.DatabasePort),
        [CacheUrl] = PointAtLoopback(specEnv.GetValueOrDefault(CacheUrl), "redis", EndpointDevices.CachePort),
    };

    /// <summary>
    /// Builds the entries that tell botserver which back ends are missing and which enabled fallbacks of
    /// <paramref name="degradation"/> to use; empty when <paramref name="missing"/> is empty.
    /// </summary>
    /// <param name="missing">The back ends without a server, in the order to list them: <c>database</c>, <c>cache</c>.</param>
    public static Dictionary<string, string> Fallbacks(GracefulDegradationSpec degradation, IReadOnlyList<string> missing)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            return entries;
        }

        entries[Degraded] = string.Join(',', missing);
        if (degradation.FallbackLlm.Enabled)
        {
            entries[FallbackLlmProvider] = degradation.FallbackLlm.Provider;
            entries[FallbackLlmModel] = degradation.FallbackLlm.Model;
        }

        if (degradation.CacheEnabled)
        {
            entries[CacheMode] = degradation.CacheMode;
        }

        if (degradation.VectorDbEnabled)
        {
            entries[VectorDbMode] = degradation.VectorDbMode;
        }

        return entries;
    }

    /// <summary>
    /// Replaces the host and port of <paramref name="url"/> and keeps every other character as written. The text is
    /// edited, not parsed with <see cref="UriBuilder"/>, because that rejects user info such as <c>:password@</c>.
    /// </summary>
    private static string PointAtLoopback(string? url, string scheme, int port)
    {
        string local = $"127.0.0.1:{port}";
        int schemeEnd = url?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (url is null || schemeEnd <= 0)
        {
            return $"{scheme}://{local}/";
        }

        int authorityStart = schemeEnd + "://".Length;
        int authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        int at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        string userInfo = at >= 0 ? url[authorityStart..(at + 1)] : "";
        string rest = url[authorityEnd..];
        return url[..authorityStart] + userInfo + local + (rest.Length == 0 ? "/" : rest);
    }
}
