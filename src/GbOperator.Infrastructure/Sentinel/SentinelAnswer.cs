namespace GbOperator.Infrastructure.Sentinel;

/// <summary>What one Sentinel returned for <c>SENTINEL GET-MASTER-ADDR-BY-NAME</c>.</summary>
/// <param name="Sentinel">The Sentinel as <c>host:port</c>.</param>
/// <param name="Master">The master it names as <c>host:port</c>, or <c>null</c> when the query failed or the Sentinel monitors no such master.</param>
/// <param name="Error">Why the query failed, or <c>null</c> when it succeeded.</param>
public sealed record SentinelAnswer(string Sentinel, string? Master, string? Error);
