namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>What one pass found out about the Redis master.</summary>
/// <param name="Master">The master to route to as <c>host:port</c>, or <c>null</c> when there is none.</param>
/// <param name="Available">Status of the <c>CacheAvailable</c> condition.</param>
/// <param name="Reason">UpperCamelCase reason of the <c>CacheAvailable</c> condition.</param>
/// <param name="Message">Message of the <c>CacheAvailable</c> condition.</param>
internal sealed record CacheObservation(string? Master, bool Available, string Reason, string Message);
