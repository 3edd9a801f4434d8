namespace GbOperator.ApiServer.FieldManagement;

/// <summary>A field that an apply would change although another manager owns it.</summary>
internal sealed record FieldConflict(FieldPath Field, string Manager);
