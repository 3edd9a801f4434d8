namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>One endpoint device that was added, re-pointed or removed.</summary>
/// <param name="Device">Device name.</param>
/// <param name="From">The <c>host:port</c> it connected to before, or <c>null</c> when it did not exist.</param>
/// <param name="To">The <c>host:port</c> it connects to now, or <c>null</c> when it was removed.</param>
internal sealed record DeviceMove(string Device, string? From, string? To);
