namespace GbOperator.Benchmarks.Harness;

/// <summary>One benchmark case: GbOperator and its baseline, measured in the same run.</summary>
internal interface IBenchmarkCase
{
    /// <summary>Short name for <c>--case</c>, such as <c>store</c>.</summary>
    string Name { get; }

    /// <summary>One line on what runs and against which baseline.</summary>
    string Description { get; }

    /// <summary>Runs the case. An exception marks the case as failed and the harness goes on with the next one.</summary>
    Task<CaseResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken);
}
