using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>An <see cref="ILoggerFactory"/> that keeps every log call, with its structured properties and scopes, in memory.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly AsyncLocal<ImmutableScope?> _scope = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed record ImmutableScope(IReadOnlyDictionary<string, object?> Values, ImmutableScope? Parent);

    private sealed class CapturingLogger(CapturingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var values = ToDictionary(state);
            var previous = factory._scope.Value;
            factory._scope.Value = new ImmutableScope(values, previous);
            return new ScopeHandle(() => factory._scope.Value = previous);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            for (var current = factory._scope.Value; current is not null; current = current.Parent)
            {
                foreach (var pair in current.Values)
                {
                    scope.TryAdd(pair.Key, pair.Value);
                }
            }

            factory._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception, ToDictionary(state), scope));
        }

        private static Dictionary<string, object?> ToDictionary(object? state)
        {
            var values = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    values[pair.Key] = pair.Value;
                }
            }

            return values;
        }
    }

    private sealed class ScopeHandle(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
