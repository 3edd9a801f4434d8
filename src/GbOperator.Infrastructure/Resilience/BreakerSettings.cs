namespace GbOperator.Infrastructure.Resilience;

/// <summary>Settings of a <see cref="BackendPipeline"/>, taken from a FailoverPolicy's circuit breaker.</summary>
/// <param name="Threshold">Failed calls, with no success between them, that open the circuit.</param>
/// <param name="BreakDuration">Time the circuit stays open before a trial call is let through.</param>
/// <param name="HalfOpenRequests">Trial calls the policy asks for while half-open.</param>
/// <param name="AttemptTimeout">Deadline of one call.</param>
public sealed record BreakerSettings(int Threshold, TimeSpan BreakDuration, int HalfOpenRequests, TimeSpan AttemptTimeout)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a setting is outside the range Polly accepts.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Threshold, 1, nameof(Threshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakDuration, TimeSpan.FromMilliseconds(500), nameof(BreakDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(HalfOpenRequests, 1, nameof(HalfOpenRequests));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
    }
}
