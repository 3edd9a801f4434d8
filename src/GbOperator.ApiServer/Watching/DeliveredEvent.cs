namespace GbOperator.ApiServer.Watching;

/// <summary>An event queued for one watcher, after its selectors chose the event type.</summary>
/// <param name="Type">Watch event type sent to the client.</param>
/// <param name="ObjectJson">UTF-8 JSON of the object; shared, never modified.</param>
/// <param name="Revision">Store revision of the change.</param>
internal sealed record DeliveredEvent(string Type, byte[] ObjectJson, long Revision);
