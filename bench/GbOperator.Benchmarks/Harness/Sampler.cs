using System.Diagnostics;

namespace GbOperator.Benchmarks.Harness;

/// <summary>Runs an operation repeatedly and records each run's wall time.</summary>
internal static class Sampler
{
    /// <summary>Runs <paramref name="operation"/> once per index from 0 to <paramref name="count"/> - 1, one after another.</summary>
    /// <returns>Each run's wall time in milliseconds.</returns>
    public static async Task<List<double>> SequentialAsync(int count, Func<int, Task> operation)
    {
        var samples = new List<double>(count);
        for (int i = 0; i < count; i++)
        {
            long started = Stopwatch.GetTimestamp();
            await operation(i);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return samples;
    }

    /// <summary>
    /// Runs <paramref name="operation"/> once per index from 0 to <paramref name="count"/> - 1 on
    /// <paramref name="clients"/> concurrent loops, each taking the next free index.
    /// </summary>
    /// <returns>Each run's wall time in milliseconds, and the operations per second of the whole batch.</returns>
    public static async Task<(List<double> Latencies, double OperationsPerSecond)> ConcurrentAsync(int count, int clients, Func<int, Task> operation)
    {
        var samples = new double[count];
        int next = -1;
        long batchStarted = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, clients).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                long started = Stopwatch.GetTimestamp();
                await operation(index);
                samples[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        });
        await Task.WhenAll(loops);
        double seconds = Stopwatch.GetElapsedTime(batchStarted).TotalSeconds;
        return ([.. samples], count / seconds);
    }

    /// <summary>Runs <paramref name="operation"/> and returns its wall time in seconds.</summary>
    public static async Task<double> SecondsAsync(Func<Task> operation)
    {
        long started = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
