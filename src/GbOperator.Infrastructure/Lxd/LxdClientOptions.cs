using GbOperator.Infrastructure.Resilience;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>Settings of an <see cref="LxdClient"/>.</summary>
public sealed record LxdClientOptions
{
    /// <summary>Path of LXD's unix socket. Incus serves the same API on its own socket path.</summary>
    /// <value><c>/var/lib/lxd/unix.socket</c>, where Debian's lxd package puts it.</value>
    public string SocketPath { get; init; } = "/var/lib/lxd/unix.socket";

    /// <summary>Overall deadline of one asynchronous LXD operation (create, start, stop, delete, exec).</summary>
    /// <value>2 minutes. When it passes the call throws <see cref="LxdException"/>; the operation may still finish.</value>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Seconds that one <c>/1.0/operations/{id}/wait</c> request blocks before the client asks again.</summary>
    /// <value>10 seconds. Keep it below <see cref="ClientResilienceOptions.AttemptTimeout"/>.</value>
    public TimeSpan OperationWaitSlice { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a read-modify-write of an instance repeats after LXD reports a stale ETag (412).</summary>
    /// <value>5.</value>
    public int MaxEtagConflictRetries { get; init; } = 5;

    /// <summary>Retry, circuit breaker and per-attempt timeout settings.</summary>
    public ClientResilienceOptions Resilience { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is invalid.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SocketPath, nameof(SocketPath));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OperationTimeout, TimeSpan.Zero, nameof(OperationTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(OperationWaitSlice, TimeSpan.FromSeconds(1), nameof(OperationWaitSlice));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(OperationWaitSlice, Resilience.AttemptTimeout, nameof(OperationWaitSlice));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxEtagConflictRetries, nameof(MaxEtagConflictRetries));
        Resilience.Validate();
    }
}
