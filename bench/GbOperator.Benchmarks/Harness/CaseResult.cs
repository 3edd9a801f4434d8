namespace GbOperator.Benchmarks.Harness;

/// <summary>What one benchmark case measured.</summary>
internal sealed record CaseResult
{
    /// <summary>Short name used on the command line, such as <c>store</c>.</summary>
    public required string Case { get; init; }

    /// <summary>One line on what the case runs and against which baseline.</summary>
    public required string Description { get; init; }

    public CaseOutcome Outcome { get; init; } = CaseOutcome.Completed;

    /// <summary>Each GbOperator measurement beside its baseline.</summary>
    public IReadOnlyList<Comparison> Comparisons { get; init; } = [];

    /// <summary>Measurements that have no baseline, such as memory per object.</summary>
    public IReadOnlyList<Measurement> Measurements { get; init; } = [];

    /// <summary>The case's settings, such as counts and concurrency, by name.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Facts a reader needs to read the numbers: fallbacks taken, limits found, errors.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Wall time of the whole case in seconds.</summary>
    public double Seconds { get; init; }
}
