using System.Globalization;

namespace GbOperator.Storage;

/// <summary>A parsed store URL: <c>etcd://HOST:PORT[,HOST:PORT…]</c> or <c>sqlite://PATH</c>.</summary>
/// <param name="Backend">Kind of store.</param>
/// <param name="Endpoints">etcd client endpoints as <c>HOST:PORT</c>; empty for SQLite.</param>
/// <param name="Path">SQLite database file as written in the URL, absolute or relative to the current directory;
/// <c>null</c> for etcd.</param>
public sealed record StoreUrl(StoreBackend Backend, IReadOnlyList<string> Endpoints, string? Path)
{
    /// <summary>The URL forms that <see cref="Parse"/> accepts, for error and help text.</summary>
    public const string AcceptedForms = "etcd://HOST:PORT[,HOST:PORT...], sqlite:///ABSOLUTE/PATH or sqlite://RELATIVE/PATH";

    private const string EtcdScheme = "etcd://";
    private const string SqliteScheme = "sqlite://";

    /// <summary>Parses <paramref name="url"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not one of the <see cref="AcceptedForms"/>;
    /// the message names the URL and the accepted forms.</exception>
    public static StoreUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string trimmed = url.Trim();

        if (trimmed.StartsWith(EtcdScheme, StringComparison.OrdinalIgnoreCase))
        {
            return ParseEtcd(url, trimmed[EtcdScheme.Length..]);
        }

        if (trimmed.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase))
        {
            return ParseSqlite(url, trimmed[SqliteScheme.Length..]);
        }

        throw Invalid(url, "the scheme must be etcd:// or sqlite://");
    }

    private static StoreUrl ParseEtcd(string url, string hosts)
    {
        if (hosts.Length == 0)
        {
            throw Invalid(url, "no etcd endpoint is given");
        }

        var endpoints = new List<string>();
        foreach (string endpoint in hosts.Split(','))
        {
            endpoints.Add(ParseEndpoint(url, endpoint.Trim()));
        }

        return new StoreUrl(StoreBackend.Etcd, endpoints, Path: null);
    }

    /// <summary>Checks one <c>HOST:PORT</c>, where HOST may be a bracketed IPv6 address.</summary>
    private static string ParseEndpoint(string url, string endpoint)
    {
        int colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || colon == endpoint.Length - 1)
        {
            throw Invalid(url, $"endpoint '{endpoint}' must be HOST:PORT");
        }

        string host = endpoint[..colon];
        string port = endpoint[(colon + 1)..];
        bool bracketed = host.StartsWith('[') && host.EndsWith(']');
        if ((host.Contains(':') && !bracketed) || host.IndexOfAny(['/', '?', '#', '@', ' ']) >= 0)
        {
            throw Invalid(url, $"endpoint '{endpoint}' has an invalid host '{host}'");
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > 65535)
        {
            throw Invalid(url, $"endpoint '{endpoint}' has an invalid port '{port}'; expected 1 to 65535");
        }

        return endpoint;
    }

    private static StoreUrl ParseSqlite(string url, string path)
    {
        if (path.Length == 0 || path == "/")
        {
            throw Invalid(url, "no database file path is given");
        }

        if (path.Contains('?') || path.Contains('#'))
        {
            throw Invalid(url, "query strings and fragments are not supported");
        }

        return new StoreUrl(StoreBackend.Sqlite, [], Uri.UnescapeDataString(path));
    }

    private static ArgumentException Invalid(string url, string reason) =>
        new($"Invalid store URL '{url}': {reason}. Accepted forms: {AcceptedForms}.", nameof(url));
}
