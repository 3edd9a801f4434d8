namespace GbOperator.Storage.Sqlite;

/// <summary>A row that a write is about to append to the <c>log</c> table.</summary>
/// <param name="CreateRevision">Revision at which the key was created, or <c>null</c> for a create,
/// whose create revision is the id of the new row.</param>
/// <param name="PrevRevision">Id of the row this one supersedes, or 0 when the key never existed.</param>
internal sealed record PendingRow(bool Created, bool Deleted, long? CreateRevision, long PrevRevision, byte[] Value);
