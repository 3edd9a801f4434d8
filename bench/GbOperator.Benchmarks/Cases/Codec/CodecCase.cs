using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GbOperator.Benchmarks.Harness;
using Measurement = GbOperator.Benchmarks.Harness.Measurement;
using RunSummary = BenchmarkDotNet.Reports.Summary;

namespace GbOperator.Benchmarks.Cases.Codec;

/// <summary>Runs <see cref="CodecBenchmarks"/> with BenchmarkDotNet in the harness process and pairs each method with its baseline.</summary>
internal sealed class CodecCase : IBenchmarkCase
{
    private const int WarmupCount = 3;
    private const int IterationCount = 10;

    public string Name => "codec";

    public string Description =>
        "BenchmarkDotNet micro benchmarks of the API server's JSON work per object: strict decode with validation and encode of a defaulted "
        + "BotCluster, against plain System.Text.Json deserialize and serialize with the same options.";

    public async Task<CaseResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var artifacts = Directory.CreateTempSubdirectory("gbo-bench-codec-");
        try
        {
            var config = ManualConfig.CreateEmpty()
                .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(WarmupCount).WithIterationCount(IterationCount))
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddLogger(NullLogger.Instance)
                .WithArtifactsPath(artifacts.FullName);
            var summary = await Task.Run(() => BenchmarkRunner.Run<CodecBenchmarks>(config), cancellationToken);

            var decode = Measure(summary, nameof(CodecBenchmarks.DecodeAndValidate), "ResourceCodec.Decode + ResourceValidator.Validate");
            var strictDecode = Measure(summary, nameof(CodecBenchmarks.Decode), "ResourceCodec.Decode");
            var deserialize = Measure(summary, nameof(CodecBenchmarks.Deserialize), "JsonSerializer.Deserialize");
            var encode = Measure(summary, nameof(CodecBenchmarks.Encode), "ResourceCodec.Encode + ToJsonString");
            var serialize = Measure(summary, nameof(CodecBenchmarks.Serialize), "JsonSerializer.Serialize");
            return new CaseResult
            {
                Case = Name,
                Description = Description,
                Comparisons =
                [
                    Comparison.Of("decode one BotCluster", decode.Time, deserialize.Time),
                    Comparison.Of("decode one BotCluster, allocated", decode.Allocated, deserialize.Allocated),
                    Comparison.Of("decode one BotCluster without validation", strictDecode.Time, deserialize.Time),
                    Comparison.Of("encode one BotCluster", encode.Time, serialize.Time),
                    Comparison.Of("encode one BotCluster, allocated", encode.Allocated, serialize.Allocated),
                ],
                Settings = new Dictionary<string, string>
                {
                    ["tool"] = $"BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version}, in-process toolchain",
                    ["warm-up iterations"] = WarmupCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["measured iterations"] = IterationCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                Notes = ["Each sample is BenchmarkDotNet's mean time per operation in one iteration; allocation is per operation."],
            };
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    private static (Measurement Time, Measurement Allocated) Measure(RunSummary summary, string method, string name)
    {
        var report = summary.Reports.SingleOrDefault(candidate => candidate.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        if (report?.ResultStatistics is null)
        {
            string errors = string.Join("; ", summary.ValidationErrors.Select(error => error.Message));
            throw new InvalidOperationException($"BenchmarkDotNet produced no result for {method}. {errors}".TrimEnd());
        }

        var nanoseconds = report.ResultStatistics.OriginalValues;
        double bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        return (Measurement.Of(name, "ns", [.. nanoseconds]), Measurement.Of(name, "bytes", [bytes]));
    }
}
