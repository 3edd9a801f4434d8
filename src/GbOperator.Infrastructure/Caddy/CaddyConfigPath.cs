namespace GbOperator.Infrastructure.Caddy;

/// <summary>
/// Address of a value in Caddy's configuration: a path below <c>/config/</c>, or an object's <c>@id</c> below
/// <c>/id/</c> with an optional path inside that object.
/// </summary>
public sealed record CaddyConfigPath
{
    private CaddyConfigPath(string requestPath) => RequestPath = requestPath;

    /// <summary>The whole configuration, <c>/config/</c>.</summary>
    public static CaddyConfigPath Root { get; } = new("/config/");

    /// <summary>Request path on the admin API, such as <c>/config/apps/http</c> or <c>/id/route-bot-a/handle/0</c>.</summary>
    public string RequestPath { get; }

    /// <summary>Addresses <paramref name="path"/> below <c>/config/</c>, such as <c>apps/http/servers/gb/routes/0</c>.</summary>
    public static CaddyConfigPath Config(string path) => new("/config/" + CheckPath(path));

    /// <summary>Addresses the object whose <c>@id</c> is <paramref name="id"/>, or <paramref name="subPath"/> inside it.</summary>
    public static CaddyConfigPath Id(string id, string? subPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Caddy @id '{id}' must not contain '/'.", nameof(id));
        }

        string suffix = string.IsNullOrEmpty(subPath) ? string.Empty : "/" + CheckPath(subPath);
        return new CaddyConfigPath($"/id/{Uri.EscapeDataString(id)}{suffix}");
    }

    /// <inheritdoc/>
    public override string ToString() => RequestPath;

    private static string CheckPath(string path)
    {
        string trimmed = path.Trim('/');
        if (trimmed.Split('/').Any(segment => segment is "." or ".."))
        {
            throw new ArgumentException($"Caddy config path '{path}' must not contain '.' or '..' segments.", nameof(path));
        }

        return trimmed;
    }
}
