using GbOperator.Storage.Sqlite;

namespace GbOperator.Storage.Tests;

public sealed class ResourceStoreFactoryTests
{
    [Fact]
    public async Task Open_SqliteUrl_OpensSqliteStoreAtPath()
    {
        string folder = Directory.CreateTempSubdirectory("gbo-factory-").FullName;
        try
        {
            string path = Path.Combine(folder, "state.db");

            await using IResourceStore store = ResourceStoreFactory.Open("sqlite://" + path);

            store.Should().BeOfType<SqliteResourceStore>().Which.FilePath.Should().Be(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Open_InvalidUrl_ThrowsArgumentException()
    {
        Action open = () => ResourceStoreFactory.Open("redis://127.0.0.1:6379");

        open.Should().Throw<ArgumentException>().WithMessage("*redis://127.0.0.1:6379*");
    }
}
