namespace GbOperator.Storage.Compaction;

/// <summary>Settings of a <see cref="StoreCompactor"/>: how often it runs and how much history it keeps.</summary>
/// <remarks>
/// When both <see cref="RetainedRevisions"/> and <see cref="RetentionWindow"/> are set, the compactor keeps
/// whichever of the two is the longer history. At least one of them must be set.
/// </remarks>
public sealed record StoreCompactorOptions
{
    /// <summary>Time between two compactions.</summary>
    /// <value>5 minutes, kube-apiserver's default <c>--etcd-compaction-interval</c>.</value>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Number of most recent revisions that stay readable and watchable, or <c>null</c> for no count bound.</summary>
    /// <value>1000, kine's default <c>--compact-min-retain</c>.</value>
    public long? RetainedRevisions { get; init; } = 1000;

    /// <summary>How far back in time revisions stay readable and watchable, or <c>null</c> for no time bound.</summary>
    /// <value>5 minutes. The compactor reads the current revision only once per run, so history is
    /// kept for between one window and one window plus one <see cref="Interval"/>.</value>
    public TimeSpan? RetentionWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks every setting and throws <see cref="ArgumentException"/> for the first one out of range.</summary>
    public void Validate()
    {
        if (Interval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Compaction interval {Interval} is invalid: it must be positive.", nameof(Interval));
        }

        if (RetainedRevisions is < 0)
        {
            throw new ArgumentException($"Retained revision count {RetainedRevisions} is invalid: it must be 0 or more.", nameof(RetainedRevisions));
        }

        if (RetentionWindow is { } window && window < TimeSpan.Zero)
        {
            throw new ArgumentException($"Retention window {window} is invalid: it must be 0 or more.", nameof(RetentionWindow));
        }

        if (RetainedRevisions is null && RetentionWindow is null)
        {
            throw new ArgumentException("Set RetainedRevisions, RetentionWindow or both. With neither, compaction would discard all history.");
        }
    }
}
