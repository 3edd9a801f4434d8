namespace GbOperator.Resources.FailoverPolicies;

/// <summary>A circuit breaker: closed, open after repeated failures, half-open to test recovery.</summary>
public sealed record CircuitBreakerSpec
{
    /// <summary>Whether calls go through the breaker.</summary>
    /// <value><c>true</c>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Consecutive failures that open the circuit.</summary>
    /// <value>5.</value>
    public int Threshold { get; init; } = 5;

    /// <summary>How long the circuit stays open before it lets test requests through.</summary>
    /// <value>30s.</value>
    public string Timeout { get; init; } = "30s";

    /// <summary>Test requests allowed while half-open. All must succeed to close the circuit.</summary>
    /// <value>3.</value>
    public int HalfOpenRequests { get; init; } = 3;
}
