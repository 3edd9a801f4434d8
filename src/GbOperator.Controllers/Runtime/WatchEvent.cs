namespace GbOperator.Controllers.Runtime;

/// <summary>One event of a watch stream with its typed object.</summary>
/// <param name="Type">What happened to the object.</param>
/// <param name="Object">The object after the change; for <see cref="WatchEventType.Deleted"/>, its last state.</param>
/// <typeparam name="T">Resource type of the watched kind.</typeparam>
public sealed record WatchEvent<T>(WatchEventType Type, T Object);
