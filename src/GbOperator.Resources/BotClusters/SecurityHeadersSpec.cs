namespace GbOperator.Resources.BotClusters;

/// <summary>Hardening response headers. An empty value leaves that header out.</summary>
public sealed record SecurityHeadersSpec
{
    /// <summary>Whether Caddy sets these headers at all.</summary>
    /// <value><c>true</c>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Whether the <c>Server</c> response header is removed.</summary>
    /// <value><c>true</c>.</value>
    public bool RemoveServerHeader { get; init; } = true;

    /// <summary>Value of <c>X-Content-Type-Options</c>.</summary>
    /// <value>nosniff.</value>
    public string ContentTypeOptions { get; init; } = "nosniff";

    /// <summary>Value of <c>X-Frame-Options</c>.</summary>
    /// <value>DENY.</value>
    public string FrameOptions { get; init; } = "DENY";

    /// <summary>Value of <c>Referrer-Policy</c>.</summary>
    /// <value>strict-origin-when-cross-origin.</value>
    public string ReferrerPolicy { get; init; } = "strict-origin-when-cross-origin";
}
