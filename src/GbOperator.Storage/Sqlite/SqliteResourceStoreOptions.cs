namespace GbOperator.Storage.Sqlite;

/// <summary>Settings of a <see cref="SqliteResourceStore"/>.</summary>
public sealed record SqliteResourceStoreOptions
{
    /// <summary>How often the store looks for rows that other processes appended to the same file.</summary>
    /// <value>One second. Writes through this store object reach its watches without waiting for a poll.</value>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a statement waits for another connection's lock before it fails.</summary>
    /// <value>30 seconds, the busy timeout that kine uses.</value>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Number of undelivered events a watch may queue before the store closes it.</summary>
    /// <value>10,000 events. A closed watch throws <see cref="StoreUnavailableException"/>; the caller
    /// watches again from the last revision it received.</value>
    public int WatchBufferSize { get; init; } = 10_000;
}
