using GbOperator.Storage;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>The API server over an SQLite store in the fixture's temporary folder.</summary>
public sealed class SqliteApiServerFixture : ApiServerFixture
{
    protected override Task<IResourceStore> OpenStoreAsync() =>
        Task.FromResult(ResourceStoreFactory.Open("sqlite://" + Path.Combine(Directory, "state.db")));
}
