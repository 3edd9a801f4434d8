namespace GbOperator.Infrastructure.Resilience;

/// <summary>What one client call does, for retry decisions and log lines.</summary>
/// <param name="Operation">Short name of the call, such as <c>create instance</c>.</param>
/// <param name="Resource">The object involved, such as <c>project/instance</c> or a Caddy config path.</param>
/// <param name="Idempotent">Whether repeating the request after the server may have received it is harmless.</param>
internal sealed record ClientCall(string Operation, string Resource, bool Idempotent);
