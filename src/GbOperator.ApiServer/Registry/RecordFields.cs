using System.Text.Json.Nodes;
using GbOperator.ApiServer.FieldManagement;

namespace GbOperator.ApiServer.Registry;

/// <summary>Computes the <c>metadata.managedFields</c> entries of a write from the stored object and the canonical object to store.</summary>
/// <param name="old">The stored object.</param>
/// <param name="next">The object to store, validated and defaulted.</param>
/// <param name="time">The time of the write, formatted as a Kubernetes timestamp.</param>
internal delegate List<ManagedFieldsEntry> RecordFields(JsonObject old, JsonObject next, string time);
