namespace GbOperator.Controllers.Events;

/// <summary>The stored event that repeats of one <see cref="EventKey"/> update, with its last written count.</summary>
internal sealed record AggregatedEvent(string Name, int Count, DateTimeOffset LastSeen);
