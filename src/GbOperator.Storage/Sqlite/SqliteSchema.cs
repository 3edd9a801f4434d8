namespace GbOperator.Storage.Sqlite;

/// <summary>The tables of the SQLite store.</summary>
/// <remarks>
/// <c>log</c> is append-only in the way k3s' kine lays it out: the AUTOINCREMENT <c>id</c> is the
/// store revision, each create, update and delete appends one row, and <c>prev_revision</c> points at
/// the row that the new one supersedes. A delete row (<c>deleted = 1</c>) carries the value before the
/// delete so that watches can report it. The unique index on (<c>name</c>, <c>prev_revision</c>) makes a
/// second write on top of the same row fail even if two writers got past the revision check.
/// <c>meta</c> stores the compaction point under the key <c>compact_revision</c>.
/// </remarks>
internal static class SqliteSchema
{
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            created INTEGER NOT NULL,
            deleted INTEGER NOT NULL,
            create_revision INTEGER NOT NULL,
            prev_revision INTEGER NOT NULL,
            value BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS log_name_id ON log (name, id);
        CREATE UNIQUE INDEX IF NOT EXISTS log_name_prev_revision ON log (name, prev_revision);
        CREATE INDEX IF NOT EXISTS log_prev_revision ON log (prev_revision);
        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO meta (key, value) VALUES ('compact_revision', 0);
        """;

    /// <summary>Selects the newest revision ever assigned, which AUTOINCREMENT keeps even when rows are deleted.</summary>
    public const string SelectCurrentRevision = "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'log'), 0)";

    public const string SelectCompactRevision = "SELECT value FROM meta WHERE key = 'compact_revision'";
}
