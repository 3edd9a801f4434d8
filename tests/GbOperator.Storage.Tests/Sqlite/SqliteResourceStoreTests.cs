using System.Text;
using GbOperator.Storage.Sqlite;

namespace GbOperator.Storage.Tests.Sqlite;

/// <summary>Behaviour of the SQLite store beyond the conformance suite: files shared between store objects and reopening.</summary>
public sealed class SqliteResourceStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gbo-sqlite-").FullName;
    private readonly CancellationTokenSource _testTimeout = new(TimeSpan.FromSeconds(60));

    private string DatabasePath => Path.Combine(_folder, "state.db");

    private CancellationToken Token => _testTimeout.Token;

    public void Dispose()
    {
        _testTimeout.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Reopen_ExistingFile_KeepsState()
    {
        long created;
        long compacted;
        await using (var store = new SqliteResourceStore(DatabasePath))
        {
            created = await store.CreateAsync("/k/a", Bytes("one"), Token);
            compacted = await store.UpdateAsync("/k/a", Bytes("two"), created, Token);
            await store.CompactAsync(compacted, Token);
        }

        await using var reopened = new SqliteResourceStore(DatabasePath);
        StoredValue? stored = await reopened.GetAsync("/k/a", Token);
        long next = await reopened.CreateAsync("/k/b", Bytes("b"), Token);

        Text(stored!.Value).Should().Be("two");
        stored.ModRevision.Should().Be(compacted);
        stored.CreateRevision.Should().Be(created);
        (await reopened.GetCompactedRevisionAsync(Token)).Should().Be(compacted);
        next.Should().Be(compacted + 1);
    }

    [Fact]
    public async Task Open_MissingFolder_CreatesIt()
    {
        string path = Path.Combine(_folder, "nested", "deeper", "state.db");

        await using var store = new SqliteResourceStore(path);
        await store.CreateAsync("/k/a", Bytes("one"), Token);

        File.Exists(path).Should().BeTrue();
        store.FilePath.Should().Be(path);
    }

    [Fact]
    public async Task Write_Consecutive_IncreasesRevisionByOne()
    {
        await using var store = new SqliteResourceStore(DatabasePath);

        long first = await store.CreateAsync("/k/a", Bytes("1"), Token);
        long second = await store.UpdateAsync("/k/a", Bytes("2"), first, Token);
        long third = await store.DeleteAsync("/k/a", second, Token);

        first.Should().Be(1);
        second.Should().Be(2);
        third.Should().Be(3);
        (await store.GetCurrentRevisionAsync(Token)).Should().Be(3);
    }

    [Fact]
    public async Task Create_ConcurrentKeys_GetConsecutiveRevisions()
    {
        await using var store = new SqliteResourceStore(DatabasePath);
        const int writers = 40;

        long[] revisions = await Task.WhenAll(Enumerable.Range(0, writers)
            .Select(i => Task.Run(() => store.CreateAsync($"/k/{i}", Bytes("v"), Token))));

        revisions.Order().Should().Equal(Enumerable.Range(1, writers).Select(i => (long)i));
    }

    [Fact]
    public async Task Watch_OtherStoreOnFile_SeesWrites()
    {
        var options = new SqliteResourceStoreOptions { PollInterval = TimeSpan.FromMilliseconds(50) };
        await using var watcher = new SqliteResourceStore(DatabasePath, options);
        await using var writer = new SqliteResourceStore(DatabasePath, options);
        long start = await watcher.GetCurrentRevisionAsync(Token);

        Task<List<StoreEvent>> watching = Wait.ForEventsAsync(token => watcher.WatchAsync("/k/", start, token), 2, Wait.DefaultTimeout);
        long created = await writer.CreateAsync("/k/a", Bytes("one"), Token);
        long updated = await writer.UpdateAsync("/k/a", Bytes("two"), created, Token);
        List<StoreEvent> events = await watching;

        events.Select(e => (e.Type, e.Revision)).Should().Equal((StoreEventType.Created, created), (StoreEventType.Updated, updated));
    }

    [Fact]
    public async Task Update_TwoStoresOnFile_OneWins()
    {
        await using var first = new SqliteResourceStore(DatabasePath);
        await using var second = new SqliteResourceStore(DatabasePath);
        long created = await first.CreateAsync("/k/a", Bytes("start"), Token);

        Task<long>[] updates = Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => (i % 2 == 0 ? first : second).UpdateAsync("/k/a", Bytes($"writer-{i}"), created, Token)))
            .ToArray();
        await Task.WhenAll(updates).ContinueWith(_ => { }, TaskScheduler.Default);

        updates.Count(task => task.IsCompletedSuccessfully).Should().Be(1);
        updates.Where(task => task.IsFaulted).Select(task => task.Exception!.InnerException)
            .Should().AllBeOfType<RevisionConflictException>();
    }

    [Fact]
    public async Task Watch_OtherStoreCompactsUnseenRows_ThrowsCompacted()
    {
        var slowPolling = new SqliteResourceStoreOptions { PollInterval = TimeSpan.FromHours(1) };
        await using var watcher = new SqliteResourceStore(DatabasePath, slowPolling);
        await using var writer = new SqliteResourceStore(DatabasePath, slowPolling);
        await using IAsyncEnumerator<StoreEvent> watch = watcher.WatchAsync("/k/", 0, Token).GetAsyncEnumerator(Token);
        ValueTask<bool> first = watch.MoveNextAsync();
        long created = await writer.CreateAsync("/k/a", Bytes("one"), Token);
        long updated = await writer.UpdateAsync("/k/a", Bytes("two"), created, Token);
        long compactTo = await writer.UpdateAsync("/k/a", Bytes("three"), updated, Token);
        await writer.CompactAsync(compactTo, Token);

        // A write through the watcher's own store wakes its change feed, which finds rows it never read gone.
        await watcher.CreateAsync("/k/b", Bytes("b"), Token);

        Func<Task> waitForFirst = () => first.AsTask().WaitAsync(Wait.DefaultTimeout, Token);
        (await waitForFirst.Should().ThrowAsync<RevisionCompactedException>()).Which.CompactedRevision.Should().Be(compactTo);
    }

    [Fact]
    public async Task Watch_StoreDisposed_EndsEnumeration()
    {
        var store = new SqliteResourceStore(DatabasePath);
        long start = await store.GetCurrentRevisionAsync(Token);
        await using IAsyncEnumerator<StoreEvent> watch = store.WatchAsync("/k/", start, Token).GetAsyncEnumerator(Token);
        ValueTask<bool> next = watch.MoveNextAsync();

        await store.DisposeAsync();

        (await next.AsTask().WaitAsync(Wait.DefaultTimeout, Token)).Should().BeFalse();
    }

    [Fact]
    public async Task Watch_SlowReader_IsClosedWhenBufferFills()
    {
        var options = new SqliteResourceStoreOptions { WatchBufferSize = 3 };
        await using var store = new SqliteResourceStore(DatabasePath, options);
        long start = await store.GetCurrentRevisionAsync(Token);
        await using IAsyncEnumerator<StoreEvent> watch = store.WatchAsync("/k/", start, Token).GetAsyncEnumerator(Token);
        ValueTask<bool> first = watch.MoveNextAsync();
        for (int i = 0; i < 10; i++)
        {
            await store.CreateAsync($"/k/{i}", Bytes("v"), Token);
        }

        Func<Task> drain = async () =>
        {
            await first;
            while (await watch.MoveNextAsync())
            {
            }
        };

        await drain.Should().ThrowAsync<StoreUnavailableException>().WaitAsync(Wait.DefaultTimeout, Token);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> value) => Encoding.UTF8.GetString(value.Span);
}
