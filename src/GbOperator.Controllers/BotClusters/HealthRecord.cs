namespace GbOperator.Controllers.BotClusters;

/// <summary>Health-check history of one instance, kept in memory.</summary>
/// <param name="ConsecutiveFailures">Failed checks since the last success.</param>
/// <param name="EverPassed">Whether any check has passed since this process started.</param>
internal sealed record HealthRecord(int ConsecutiveFailures, bool EverPassed);
