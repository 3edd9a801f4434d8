using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Watching;

/// <summary>One change of one object, as a watch cache records it.</summary>
/// <param name="Type">Kubernetes watch event type: <c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c>.</param>
/// <param name="Key">Store key of the object.</param>
/// <param name="Object">The object after the change; for <c>DELETED</c>, the last state with the delete's resourceVersion.
/// Shared between watchers, so it is read only under the cache's lock.</param>
/// <param name="PreviousObject">The object before the change, or <c>null</c> for <c>ADDED</c> or when unknown.</param>
/// <param name="ObjectJson">UTF-8 JSON of <paramref name="Object"/>, serialized once for every watcher.</param>
/// <param name="Revision">Store revision of the change.</param>
internal sealed record WatchEvent(string Type, string Key, JsonObject Object, JsonObject? PreviousObject, byte[] ObjectJson, long Revision);
