namespace GbOperator.Infrastructure.Patroni;

/// <summary>No Patroni member responded to a request, or the circuit in front of Patroni is open.</summary>
public sealed class PatroniUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
