using System.Globalization;

namespace GbOperator.Infrastructure.Caddy;

/// <summary>
/// Caddy 2.6's config ETag: <c>"PATH HASH"</c>, where PATH is the request path and HASH the lowercase hex
/// FNV-1a 32-bit hash of the response body. Caddy 2.6 and 2.7 send it as an HTTP trailer.
/// </summary>
internal static class CaddyEtag
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>Computes the ETag that Caddy sends for <paramref name="body"/> read from <paramref name="requestPath"/>.</summary>
    public static string Compute(string requestPath, ReadOnlySpan<byte> body) =>
        $"\"{requestPath} {Fnv1a32(body).ToString("x8", CultureInfo.InvariantCulture)}\"";

    private static uint Fnv1a32(ReadOnlySpan<byte> data)
    {
        uint hash = OffsetBasis;
        foreach (byte value in data)
        {
            hash ^= value;
            hash *= Prime;
        }

        return hash;
    }
}
