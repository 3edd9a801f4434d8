namespace GbOperator.Benchmarks.Harness;

/// <summary>How a benchmark case ended.</summary>
internal enum CaseOutcome
{
    /// <summary>Every measurement ran.</summary>
    Completed,

    /// <summary>The case cannot run yet, for example because the feature it measures does not exist.</summary>
    NotAvailable,

    /// <summary>The case threw; <see cref="CaseResult.Notes"/> carries the error.</summary>
    Failed,
}
