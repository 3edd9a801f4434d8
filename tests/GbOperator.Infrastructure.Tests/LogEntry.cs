using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Tests;

/// <summary>One entry that <see cref="ListLogger{T}"/> kept.</summary>
internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);
