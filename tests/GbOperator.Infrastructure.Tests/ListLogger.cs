using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Tests;

/// <summary>Logger that keeps every entry, so tests can assert on levels and messages.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), exception));
}
