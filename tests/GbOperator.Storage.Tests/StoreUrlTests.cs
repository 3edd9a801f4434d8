namespace GbOperator.Storage.Tests;

public sealed class StoreUrlTests
{
    [Theory]
    [InlineData("etcd://127.0.0.1:2379", new[] { "127.0.0.1:2379" })]
    [InlineData("etcd://localhost:2379,127.0.0.1:22379", new[] { "localhost:2379", "127.0.0.1:22379" })]
    [InlineData("ETCD://[::1]:2379", new[] { "[::1]:2379" })]
    public void Parse_EtcdUrl_ReturnsEndpoints(string url, string[] endpoints)
    {
        StoreUrl parsed = StoreUrl.Parse(url);

        parsed.Backend.Should().Be(StoreBackend.Etcd);
        parsed.Endpoints.Should().Equal(endpoints);
        parsed.Path.Should().BeNull();
    }

    [Theory]
    [InlineData("sqlite:///var/lib/gb-operator/state.db", "/var/lib/gb-operator/state.db")]
    [InlineData("sqlite://state.db", "state.db")]
    [InlineData("sqlite://data/state.db", "data/state.db")]
    [InlineData("sqlite:///tmp/with%20space.db", "/tmp/with space.db")]
    public void Parse_SqliteUrl_ReturnsPath(string url, string path)
    {
        StoreUrl parsed = StoreUrl.Parse(url);

        parsed.Backend.Should().Be(StoreBackend.Sqlite);
        parsed.Path.Should().Be(path);
        parsed.Endpoints.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:2379")]
    [InlineData("http://127.0.0.1:2379")]
    [InlineData("etcd://")]
    [InlineData("etcd://127.0.0.1")]
    [InlineData("etcd://127.0.0.1:")]
    [InlineData("etcd://127.0.0.1:0")]
    [InlineData("etcd://127.0.0.1:65536")]
    [InlineData("etcd://127.0.0.1:port")]
    [InlineData("etcd://127.0.0.1:2379/prefix")]
    [InlineData("etcd://127.0.0.1:2379,")]
    [InlineData("etcd://::1:2379")]
    [InlineData("sqlite://")]
    [InlineData("sqlite:///")]
    [InlineData("sqlite:///state.db?mode=memory")]
    public void Parse_InvalidUrl_ThrowsArgumentException(string url)
    {
        Action parse = () => StoreUrl.Parse(url);

        ArgumentException error = parse.Should().Throw<ArgumentException>().Which;
        error.Message.Should().Contain($"'{url}'").And.Contain(StoreUrl.AcceptedForms);
    }
}
