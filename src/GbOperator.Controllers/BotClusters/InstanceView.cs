namespace GbOperator.Controllers.BotClusters;

/// <summary>What the rollout planner needs to know about one instance that is not draining.</summary>
/// <param name="Name">LXD instance name.</param>
/// <param name="UpToDate">Whether the instance was created from the current spec hash.</param>
/// <param name="Ready">Whether the instance passes its health check and may receive traffic.</param>
/// <param name="Failed">Whether the instance stayed unhealthy past its retries and must be replaced.</param>
/// <param name="Connections">Established connections on the botserver port; 0 when not measured.</param>
/// <param name="CreatedAt">When LXD created the instance.</param>
/// <param name="CpuPercent">CPU use at the autoscaler's last check, in percent of <c>limits.cpu</c>; <c>null</c> when not measured.</param>
/// <param name="HealthFailure">Why the last health check failed, such as <c>HTTP 503 from /api/health</c>, or <c>null</c> when it passed.</param>
internal sealed record InstanceView(
    string Name, bool UpToDate, bool Ready, bool Failed, int Connections, DateTimeOffset CreatedAt, double? CpuPercent = null,
    string? HealthFailure = null);
