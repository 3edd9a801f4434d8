using System.Collections.Concurrent;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Counts consecutive health-check failures per instance.</summary>
/// <remarks>
/// The counts live in memory: after a restart an instance is ready again at its first passing check, which is
/// what a fresh check would show anyway.
/// </remarks>
internal sealed class HealthTracker
{
    private readonly ConcurrentDictionary<string, HealthRecord> _records = new(StringComparer.Ordinal);

    /// <summary>Records one check result and returns the updated history.</summary>
    public HealthRecord Record(string instance, bool passed) =>
        _records.AddOrUpdate(
            instance,
            _ => new HealthRecord(passed ? 0 : 1, passed),
            (_, old) => passed ? new HealthRecord(0, true) : old with { ConsecutiveFailures = old.ConsecutiveFailures + 1 });

    public void Forget(string instance) => _records.TryRemove(instance, out _);

    /// <summary>
    /// Whether an instance may receive traffic: its last check passed, or it passed before and has failed fewer
    /// than <paramref name="retries"/> times in a row since.
    /// </summary>
    public static bool IsReady(HealthRecord record, int retries) =>
        record.ConsecutiveFailures == 0 || (record.EverPassed && record.ConsecutiveFailures < retries);

    /// <summary>
    /// Whether an instance must be replaced: it passed before and then failed <paramref name="retries"/> times in
    /// a row, or it never passed within <paramref name="startupTimeout"/> of its creation.
    /// </summary>
    public static bool IsFailed(HealthRecord record, int retries, TimeSpan age, TimeSpan startupTimeout) =>
        record.EverPassed
            ? record.ConsecutiveFailures >= Math.Max(retries, 1)
            : record.ConsecutiveFailures > 0 && age >= startupTimeout;
}
