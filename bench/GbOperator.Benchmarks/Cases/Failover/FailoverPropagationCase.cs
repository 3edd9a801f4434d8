using GbOperator.Benchmarks.Harness;

namespace GbOperator.Benchmarks.Cases.Failover;

/// <summary>
/// Placeholder for the time from a Patroni leader change to every container's database proxy pointing at the new
/// primary. It reports that it cannot run and measures nothing, because no FailoverPolicy controller exists yet.
/// </summary>
internal sealed class FailoverPropagationCase : IBenchmarkCase
{
    public string Name => "failover";

    public string Description =>
        "Failover propagation: from the moment Patroni's leader key changes until 8 containers' database proxy devices point at the new primary.";

    public Task<CaseResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(new CaseResult
        {
            Case = Name,
            Description = Description,
            Outcome = CaseOutcome.NotAvailable,
            Notes = ["Not available until FailoverPolicy exists: no controller re-points proxy devices yet, so there is nothing to measure."],
        });
}
