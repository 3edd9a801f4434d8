namespace GbOperator.Controllers.BotClusters;

/// <summary>Settings of the BotCluster reconciler.</summary>
public sealed record BotClusterReconcilerOptions
{
    /// <summary>LXD project that contains the instances of every BotCluster. <value>Default: <c>default</c>.</value></summary>
    public string LxdProject { get; init; } = "default";

    /// <summary>First host port that proxy devices may listen on, on 127.0.0.1. <value>Default: 20000.</value></summary>
    public int FirstHostPort { get; init; } = 20000;

    /// <summary>Last host port that proxy devices may listen on. <value>Default: 20999.</value></summary>
    public int LastHostPort { get; init; } = 20999;

    /// <summary>
    /// Time a new instance has to pass its first health check before it is replaced. <value>Default: 2 minutes.</value>
    /// </summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Minimum time between taking an instance out of the routes and stopping it, so that requests Caddy already
    /// accepted reach the instance before its connections are counted. <value>Default: 2 seconds.</value>
    /// </summary>
    public TimeSpan MinimumDrainTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Time LXD gives an instance to stop after SIGTERM before it kills it. <value>Default: 15 seconds.</value></summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Delay before the next pass while instances start, drain or roll out. <value>Default: 1 second.</value></summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks the values; called once at start-up.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LxdProject, nameof(LxdProject));
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstHostPort, 1024, nameof(FirstHostPort));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LastHostPort, 65535, nameof(LastHostPort));
        ArgumentOutOfRangeException.ThrowIfLessThan(LastHostPort, FirstHostPort, nameof(LastHostPort));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StartupTimeout, TimeSpan.Zero, nameof(StartupTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumDrainTime.Ticks, nameof(MinimumDrainTime));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StopTimeout, TimeSpan.Zero, nameof(StopTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ProgressInterval, TimeSpan.Zero, nameof(ProgressInterval));
    }
}
