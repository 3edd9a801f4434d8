using System.Net;
using System.Net.Sockets;
using System.Text;
using dotnet_etcd;
using GbOperator.Storage.Etcd;

namespace GbOperator.Storage.Tests.Etcd;

/// <summary>Behaviour of the etcd store beyond the conformance suite: endpoints, connection failures and the compaction point.</summary>
[Collection(EtcdCollection.Name)]
public sealed class EtcdResourceStoreTests(EtcdFixture etcd) : IAsyncLifetime
{
    private readonly string _prefix = $"/registry/etcd.test/{Guid.NewGuid():N}/";
    private readonly CancellationTokenSource _testTimeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Token => _testTimeout.Token;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var client = new EtcdClient("http://" + etcd.Endpoint, configureChannelOptions: options => options.Credentials = Grpc.Core.ChannelCredentials.Insecure);
        await client.DeleteRangeAsync(_prefix);
        _testTimeout.Dispose();
    }

    [Fact]
    public async Task GetCompactedRevision_NewStore_FindsPoint()
    {
        long compactTo;
        await using (var first = new EtcdResourceStore([etcd.Endpoint]))
        {
            long created = await first.CreateAsync(_prefix + "a", Bytes("one"), Token);
            await first.UpdateAsync(_prefix + "a", Bytes("two"), created, Token);
            compactTo = await first.UpdateAsync(_prefix + "a", Bytes("three"), created + 1, Token);
            await first.CompactAsync(compactTo, Token);
        }

        await using var second = new EtcdResourceStore([etcd.Endpoint]);
        long found = await second.GetCompactedRevisionAsync(Token);
        Func<Task> listBelow = () => second.ListAsync(_prefix, startAfterKey: null, limit: 0, compactTo - 1, Token);

        found.Should().Be(compactTo);
        (await listBelow.Should().ThrowAsync<RevisionCompactedException>()).Which.CompactedRevision.Should().Be(compactTo);
    }

    [Fact]
    public async Task Open_SeveralEndpoints_ServesRequests()
    {
        string port = etcd.Endpoint.Split(':')[^1];

        await using IResourceStore store = ResourceStoreFactory.Open($"etcd://{etcd.Endpoint},localhost:{port}");
        long created = await store.CreateAsync(_prefix + "a", Bytes("one"), Token);

        store.Should().BeOfType<EtcdResourceStore>();
        (await store.GetAsync(_prefix + "a", Token))!.ModRevision.Should().Be(created);
    }

    [Fact]
    public async Task Get_NothingListening_ThrowsStoreUnavailable()
    {
        var options = new EtcdResourceStoreOptions { RequestTimeout = TimeSpan.FromSeconds(5) };
        await using var store = new EtcdResourceStore([$"127.0.0.1:{FindClosedPort()}"], options);

        Func<Task> get = () => store.GetAsync(_prefix + "a", Token);

        (await get.Should().ThrowAsync<StoreUnavailableException>()).Which.Message.Should().Contain("127.0.0.1");
    }

    [Fact]
    public async Task Watch_NothingListening_ThrowsStoreUnavailable()
    {
        await using var store = new EtcdResourceStore([$"127.0.0.1:{FindClosedPort()}"]);

        Func<Task> watch = () => Wait.ForEventsAsync(token => store.WatchAsync(_prefix, 0, token), 1, Wait.DefaultTimeout);

        await watch.Should().ThrowAsync<StoreUnavailableException>();
    }

    [Fact]
    public async Task Watch_StoreDisposed_ThrowsStoreUnavailable()
    {
        var store = new EtcdResourceStore([etcd.Endpoint]);
        long start = await store.GetCurrentRevisionAsync(Token);
        await using IAsyncEnumerator<StoreEvent> watch = store.WatchAsync(_prefix, start, Token).GetAsyncEnumerator(Token);
        await store.CreateAsync(_prefix + "a", Bytes("one"), Token);
        (await watch.MoveNextAsync().AsTask().WaitAsync(Wait.DefaultTimeout, Token)).Should().BeTrue();
        ValueTask<bool> next = watch.MoveNextAsync();

        await store.DisposeAsync();

        Func<Task> waitForNext = () => next.AsTask().WaitAsync(Wait.DefaultTimeout, Token);
        await waitForNext.Should().ThrowAsync<StoreUnavailableException>();
    }

    /// <summary>Returns a 127.0.0.1 port that was free a moment ago, so connections to it are refused.</summary>
    private static int FindClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
