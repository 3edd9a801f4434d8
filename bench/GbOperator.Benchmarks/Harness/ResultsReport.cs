using System.Globalization;
using System.Text;

namespace GbOperator.Benchmarks.Harness;

/// <summary>Renders the human-readable results page from the newest result of each case.</summary>
internal static class ResultsReport
{
    /// <summary>Renders the page from <paramref name="runs"/> (oldest first), taking each case from the newest run that has it.</summary>
    public static string Render(IReadOnlyList<(string File, BenchmarkRun Run)> runs, IReadOnlyList<string> caseOrder)
    {
        var newest = new Dictionary<string, (string File, BenchmarkRun Run, CaseResult Result)>(StringComparer.Ordinal);
        foreach (var (file, run) in runs)
        {
            foreach (var result in run.Cases)
            {
                newest[result.Case] = (file, run, result);
            }
        }

        var text = new StringBuilder();
        AppendIntroduction(text);
        foreach (string name in caseOrder.Concat(newest.Keys.Except(caseOrder)))
        {
            if (newest.TryGetValue(name, out var entry))
            {
                AppendCase(text, entry.File, entry.Run, entry.Result);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"## {name}\n\nNot run yet: `make bench CASE={name}`.\n\n");
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static void AppendIntroduction(StringBuilder text)
    {
        text.Append("""
            # Benchmark results

            `make bench` writes this page from the newest result of each case in `bench/results/` (one JSON file per run,
            with the machine, the commit and every sample's summary). Do not edit it by hand: rerun a case instead.

            Reproduce everything with `make bench`, one case with `make bench CASE=store` (cases: `store`, `codec`,
            `apply`, `watch`, `convergence`, `failover`, `simulation`; several as `CASE=store,watch`), and pass sizes with
            `BENCH_ARGS`, for example `make bench CASE=simulation BENCH_ARGS="--sim-clusters 10000"`.
            `dotnet run --project bench/GbOperator.Benchmarks -c Release -- --help` lists every option.

            Each GbOperator measurement sits beside a baseline measured in the same run on the same machine, because
            absolute times on a shared machine vary from run to run. **Ratio** is GbOperator's median divided by the
            baseline's median: for times (ms, s) 2.00 means twice as slow, for rates (ops/s) 2.00 means twice as fast.
            p50 is the median and p99 the 99th percentile, both interpolated between the closest samples.


            """.Replace("\r", "", StringComparison.Ordinal));
    }

    private static void AppendCase(StringBuilder text, string file, BenchmarkRun run, CaseResult result)
    {
        var machine = run.Machine;
        text.Append(CultureInfo.InvariantCulture, $"## {result.Case}\n\n{result.Description}\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Run `{file}`: {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, commit `{run.Commit}`, {machine.Cores} cores ({machine.Cpu}), ");
        text.Append(CultureInfo.InvariantCulture,
            $"{machine.MemoryGiB} GiB, {machine.Os}, {machine.Runtime}. Outcome: {result.Outcome}, {result.Seconds:0.#} s.\n\n");

        if (result.Settings.Count > 0)
        {
            text.Append("Settings: ")
                .Append(string.Join(", ", result.Settings.Select(pair => $"{pair.Key} = {pair.Value}")))
                .Append(".\n\n");
        }

        if (result.Comparisons.Count > 0)
        {
            text.Append("| metric | GbOperator | p50 | p99 | min | max | baseline | p50 | p99 | min | max | ratio |\n");
            text.Append("|---|---|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|\n");
            foreach (var comparison in result.Comparisons)
            {
                var subject = comparison.Subject;
                var baseline = comparison.Baseline;
                text.Append(CultureInfo.InvariantCulture, $"| {comparison.Metric} ({subject.Unit}) | {subject.Name} | {Cells(subject.Summary)} ");
                text.Append(CultureInfo.InvariantCulture, $"| {baseline.Name} | {Cells(baseline.Summary)} | {FormatRatio(comparison.Ratio)} |\n");
            }

            text.Append('\n');
        }

        if (result.Measurements.Count > 0)
        {
            text.Append("| measurement | unit | samples | p50 | p99 | min | max |\n|---|---|--:|--:|--:|--:|--:|\n");
            foreach (var measurement in result.Measurements)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {measurement.Name} | {measurement.Unit} | {measurement.Summary.Count} | {Cells(measurement.Summary)} |\n");
            }

            text.Append('\n');
        }

        foreach (string note in result.Notes)
        {
            text.Append("- ").Append(note).Append('\n');
        }

        text.Append('\n');
    }

    private static string Cells(Summary summary) =>
        string.Join(" | ", new[] { summary.P50, summary.P99, summary.Min, summary.Max }.Select(Format));

    private static string Format(double value) => value switch
    {
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    private static string FormatRatio(double? ratio) =>
        ratio is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
