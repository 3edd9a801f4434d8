namespace GbOperator.Infrastructure.Resilience;

/// <summary>State of the circuit breaker of a <see cref="BackendPipeline"/>.</summary>
public enum BreakerState
{
    /// <summary>Calls pass.</summary>
    Closed,

    /// <summary>Calls fail at once without reaching the backend.</summary>
    Open,

    /// <summary>The break has passed and a trial call decides whether the circuit closes.</summary>
    HalfOpen,
}
