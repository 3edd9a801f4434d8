using System.Text.Json.Nodes;

namespace GbOperator.Infrastructure.Caddy;

/// <summary>A value read from Caddy's configuration, with the ETag that guards a later change of it.</summary>
/// <param name="Value">The JSON at the path; null when the key is missing, which Caddy reports as <c>null</c>.</param>
/// <param name="ETag">
/// Value for <c>If-Match</c> on a later change, in Caddy's form <c>"PATH HASH"</c>; null when Caddy sent none.
/// </param>
public sealed record CaddyConfigValue(JsonNode? Value, string? ETag);
