namespace GbOperator.ApiServer.FieldManagement;

/// <summary>Who makes a write, for <c>metadata.managedFields</c>.</summary>
/// <param name="Manager">Field manager name.</param>
/// <param name="Subresource"><c>status</c> or <c>scale</c> for a subresource write, otherwise <c>null</c>.</param>
internal sealed record FieldOwner(string Manager, string? Subresource = null);
