using GbOperator.Storage.Sqlite;

namespace GbOperator.Storage.Tests.Conformance;

/// <summary>Runs the conformance suite against an SQLite store in a new temporary file per test.</summary>
public sealed class SqliteResourceStoreConformanceTests : ResourceStoreConformanceTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gbo-sqlite-").FullName;

    protected override Task<IResourceStore> OpenStoreAsync() =>
        Task.FromResult<IResourceStore>(new SqliteResourceStore(Path.Combine(_folder, "state.db")));

    protected override Task AfterStoreClosedAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
