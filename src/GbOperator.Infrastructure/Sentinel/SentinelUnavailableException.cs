namespace GbOperator.Infrastructure.Sentinel;

/// <summary>No Sentinel responded, or the circuit in front of the Sentinels is open.</summary>
public sealed class SentinelUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
