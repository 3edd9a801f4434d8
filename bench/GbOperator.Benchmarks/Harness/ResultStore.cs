using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbOperator.Benchmarks.Harness;

/// <summary>Reads and writes run files, one JSON file per run, in the results folder.</summary>
internal static class ResultStore
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes <paramref name="run"/> as <c>YYYYMMDD-HHMMSS-COMMIT.json</c> and returns the file's path.</summary>
    public static async Task<string> WriteAsync(string folder, BenchmarkRun run, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        string stamp = run.StartedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string path = Path.Combine(folder, $"{stamp}-{run.Commit}.json");
        string temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(run, JsonOptions), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Reads every run file in <paramref name="folder"/>, oldest first by start time.</summary>
    /// <exception cref="InvalidDataException">A file is not a run file.</exception>
    public static IReadOnlyList<(string File, BenchmarkRun Run)> ReadAll(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var runs = new List<(string, BenchmarkRun)>();
        foreach (string path in Directory.EnumerateFiles(folder, "*.json"))
        {
            BenchmarkRun run;
            try
            {
                run = JsonSerializer.Deserialize<BenchmarkRun>(File.ReadAllText(path), JsonOptions)
                    ?? throw new InvalidDataException($"{path} contains null instead of a benchmark run.");
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"{path} is not a benchmark run file ({exception.Message}); move it out of {folder}.", exception);
            }

            runs.Add((Path.GetFileName(path), run));
        }

        return [.. runs.OrderBy(pair => pair.Item2.StartedAt)];
    }
}
