namespace GbOperator.Benchmarks.Harness;

/// <summary>One invocation of the harness: where and when it ran, and each case's result.</summary>
internal sealed record BenchmarkRun
{
    /// <summary>UTC start of the run.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Git commit of the measured code, with <c>-dirty</c> when the work tree had changes.</summary>
    public required string Commit { get; init; }

    public required MachineInfo Machine { get; init; }

    /// <summary>The command line that reproduces the run.</summary>
    public required string Command { get; init; }

    public required IReadOnlyList<CaseResult> Cases { get; init; }
}
