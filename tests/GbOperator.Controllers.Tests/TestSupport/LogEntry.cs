using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>One captured log call with the scope values active at the time.</summary>
internal sealed record LogEntry(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    Exception? Exception,
    IReadOnlyDictionary<string, object?> Properties,
    IReadOnlyDictionary<string, object?> Scope);
