using System.Diagnostics;
using GbOperator.Benchmarks.Cases.Apply;
using GbOperator.Benchmarks.Cases.Codec;
using GbOperator.Benchmarks.Cases.Convergence;
using GbOperator.Benchmarks.Cases.Failover;
using GbOperator.Benchmarks.Cases.Simulation;
using GbOperator.Benchmarks.Cases.StoreApi;
using GbOperator.Benchmarks.Cases.Watch;
using GbOperator.Benchmarks.Harness;

namespace GbOperator.Benchmarks;

/// <summary>Runs the selected cases, writes one run file and regenerates the results page.</summary>
internal static class BenchmarkProgram
{
    private static readonly IBenchmarkCase[] AllCases =
    [
        new StoreApiCase(),
        new CodecCase(),
        new ApplyCase(),
        new WatchFanOutCase(),
        new ConvergenceCase(),
        new FailoverPropagationCase(),
        new SimulationCase(),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        BenchmarkOptions options;
        IBenchmarkCase[] selected;
        try
        {
            options = BenchmarkOptions.Parse(args);
            selected = Select(options.Cases);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancellation.Cancel();
        };

        var startedAt = DateTimeOffset.UtcNow;
        var results = new List<CaseResult>();
        foreach (var benchmark in selected)
        {
            Console.WriteLine($"==> {benchmark.Name}: {benchmark.Description}");
            var result = await RunCaseAsync(benchmark, options, cancellation.Token);
            Console.WriteLine($"    {result.Outcome} in {result.Seconds:0.0} s");
            foreach (var comparison in result.Comparisons)
            {
                Console.WriteLine($"    {comparison.Metric}: {comparison.Subject.Summary.P50:0.###} vs {comparison.Baseline.Summary.P50:0.###} {comparison.Subject.Unit}, ratio {comparison.Ratio:0.00}");
            }

            foreach (var measurement in result.Measurements)
            {
                Console.WriteLine($"    {measurement.Name}: {measurement.Summary.P50:0.###} {measurement.Unit}");
            }

            foreach (string note in result.Notes)
            {
                Console.WriteLine($"    note: {note}");
            }

            results.Add(result);
        }

        var run = new BenchmarkRun
        {
            StartedAt = startedAt,
            Commit = await GitCommit.DescribeAsync(cancellation.Token),
            Machine = MachineInfo.Current(),
            Command = $"hack/bench.sh {string.Join(' ', args)}".TrimEnd(),
            Cases = results,
        };
        string file = await ResultStore.WriteAsync(options.ResultsFolder, run, cancellation.Token);
        string report = ResultsReport.Render(ResultStore.ReadAll(options.ResultsFolder), [.. AllCases.Select(benchmark => benchmark.Name)]);
        await File.WriteAllTextAsync(options.ReportPath, report, cancellation.Token);
        Console.WriteLine($"wrote {file} and {options.ReportPath}");

        return results.Any(result => result.Outcome == CaseOutcome.Failed) ? 1 : 0;
    }

    private static IBenchmarkCase[] Select(IReadOnlyList<string> names)
    {
        if (names.Count == 0 || names.Contains("all"))
        {
            return AllCases;
        }

        var unknown = names.Where(name => AllCases.All(benchmark => benchmark.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown case {string.Join(", ", unknown)}; choose from {string.Join(", ", AllCases.Select(benchmark => benchmark.Name))}.");
        }

        return [.. AllCases.Where(benchmark => names.Contains(benchmark.Name))];
    }

    /// <summary>Runs one case and turns an exception into a failed result, so the other cases still run.</summary>
    private static async Task<CaseResult> RunCaseAsync(IBenchmarkCase benchmark, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            var result = await benchmark.RunAsync(options, cancellationToken);
            return result with { Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"{benchmark.Name} failed: {exception}");
            return new CaseResult
            {
                Case = benchmark.Name,
                Description = benchmark.Description,
                Outcome = CaseOutcome.Failed,
                Notes = [$"Failed: {exception.GetType().Name}: {exception.Message}"],
                Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds,
            };
        }
    }
}
