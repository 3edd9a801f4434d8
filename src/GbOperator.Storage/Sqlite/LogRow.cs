namespace GbOperator.Storage.Sqlite;

/// <summary>One row of the <c>log</c> table.</summary>
/// <param name="Id">Revision of the write.</param>
/// <param name="Name">Key.</param>
/// <param name="Created">Whether the write created the key.</param>
/// <param name="Deleted">Whether the write deleted the key; <paramref name="Value"/> is then the value before the delete.</param>
/// <param name="CreateRevision">Revision at which the key was created.</param>
/// <param name="Value">Stored bytes.</param>
internal sealed record LogRow(long Id, string Name, bool Created, bool Deleted, long CreateRevision, byte[] Value)
{
    public const string Columns = "id, name, created, deleted, create_revision, value";

    /// <summary>Reads a row selected with <see cref="Columns"/>.</summary>
    public static LogRow Read(Microsoft.Data.Sqlite.SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2) != 0,
        reader.GetInt64(3) != 0,
        reader.GetInt64(4),
        (byte[])reader.GetValue(5));

    public StoredValue ToStoredValue() => new(Name, Value, Id, CreateRevision);

    public StoreEvent ToEvent()
    {
        StoreEventType type = StoreEventType.Updated;
        if (Deleted)
        {
            type = StoreEventType.Deleted;
        }
        else if (Created)
        {
            type = StoreEventType.Created;
        }

        return new StoreEvent(type, Name, Value, Id);
    }
}
