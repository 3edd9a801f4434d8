using System.Text;

namespace GbOperator.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IResourceStore"/> backend must show. Each backend runs these tests through a subclass.
/// </summary>
/// <remarks>
/// xunit creates one instance per test, so each test gets its own key prefix. Revisions are compared
/// relative to each other, because a shared etcd may take writes from elsewhere between two steps.
/// </remarks>
public abstract class ResourceStoreConformanceTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _testTimeout = new(TimeSpan.FromSeconds(60));
    private IResourceStore? _store;

    protected ResourceStoreConformanceTests()
    {
        Prefix = $"/registry/conformance.test/{Guid.NewGuid():N}/";
    }

    /// <summary>Key prefix that only this test uses.</summary>
    protected string Prefix { get; }

    protected IResourceStore Store => _store ?? throw new InvalidOperationException("The store is not open yet.");

    /// <summary>Cancels a test that hangs for more than a minute.</summary>
    protected CancellationToken Token => _testTimeout.Token;

    public async Task InitializeAsync()
    {
        _store = await OpenStoreAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await CleanUpAsync();
            await _store.DisposeAsync();
        }

        await AfterStoreClosedAsync();
        _testTimeout.Dispose();
    }

    /// <summary>Opens the store under test.</summary>
    protected abstract Task<IResourceStore> OpenStoreAsync();

    /// <summary>Removes what this test wrote, where the backend outlives the test.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    /// <summary>Removes files or processes that only the closed store used.</summary>
    protected virtual Task AfterStoreClosedAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_NewKey_StoresValueAtWriteRevision()
    {
        string key = Prefix + "a";

        long revision = await Store.CreateAsync(key, Bytes("one"), Token);
        StoredValue? stored = await Store.GetAsync(key, Token);

        stored.Should().NotBeNull();
        Text(stored!.Value).Should().Be("one");
        stored.Key.Should().Be(key);
        stored.ModRevision.Should().Be(revision);
        stored.CreateRevision.Should().Be(revision);
        (await Store.GetCurrentRevisionAsync(Token)).Should().BeGreaterThanOrEqualTo(revision);
    }

    [Fact]
    public async Task Create_ExistingKey_ThrowsKeyExists()
    {
        string key = Prefix + "a";
        long revision = await Store.CreateAsync(key, Bytes("one"), Token);

        Func<Task> create = () => Store.CreateAsync(key, Bytes("two"), Token);

        (await create.Should().ThrowAsync<KeyExistsException>()).Which.Key.Should().Be(key);
        StoredValue? stored = await Store.GetAsync(key, Token);
        Text(stored!.Value).Should().Be("one");
        stored.ModRevision.Should().Be(revision);
    }

    [Fact]
    public async Task Create_EmptyValue_RoundTrips()
    {
        string key = Prefix + "empty";

        await Store.CreateAsync(key, ReadOnlyMemory<byte>.Empty, Token);
        StoredValue? stored = await Store.GetAsync(key, Token);

        stored.Should().NotBeNull();
        stored!.Value.Length.Should().Be(0);
    }

    [Fact]
    public async Task Create_AfterDelete_StartsNewCreateRevision()
    {
        string key = Prefix + "a";
        long first = await Store.CreateAsync(key, Bytes("one"), Token);
        await Store.DeleteAsync(key, first, Token);

        long second = await Store.CreateAsync(key, Bytes("two"), Token);
        StoredValue? stored = await Store.GetAsync(key, Token);

        second.Should().BeGreaterThan(first);
        stored!.CreateRevision.Should().Be(second);
        Text(stored.Value).Should().Be("two");
    }

    [Fact]
    public async Task Get_MissingKey_ReturnsNull()
    {
        StoredValue? stored = await Store.GetAsync(Prefix + "missing", Token);

        stored.Should().BeNull();
    }

    [Fact]
    public async Task Update_MatchingRevision_ReplacesValue()
    {
        string key = Prefix + "a";
        long created = await Store.CreateAsync(key, Bytes("one"), Token);

        long updated = await Store.UpdateAsync(key, Bytes("two"), created, Token);
        StoredValue? stored = await Store.GetAsync(key, Token);

        updated.Should().BeGreaterThan(created);
        Text(stored!.Value).Should().Be("two");
        stored.ModRevision.Should().Be(updated);
        stored.CreateRevision.Should().Be(created);
    }

    [Fact]
    public async Task Update_StaleRevision_ThrowsConflict()
    {
        string key = Prefix + "a";
        long created = await Store.CreateAsync(key, Bytes("one"), Token);
        long updated = await Store.UpdateAsync(key, Bytes("two"), created, Token);

        Func<Task> update = () => Store.UpdateAsync(key, Bytes("three"), created, Token);

        RevisionConflictException conflict = (await update.Should().ThrowAsync<RevisionConflictException>()).Which;
        conflict.Key.Should().Be(key);
        conflict.ExpectedRevision.Should().Be(created);
        conflict.ActualRevision.Should().Be(updated);
        Text((await Store.GetAsync(key, Token))!.Value).Should().Be("two");
    }

    [Fact]
    public async Task Update_MissingKey_ThrowsKeyNotFound()
    {
        Func<Task> update = () => Store.UpdateAsync(Prefix + "missing", Bytes("one"), 1, Token);

        (await update.Should().ThrowAsync<KeyNotFoundException>()).Which.Key.Should().Be(Prefix + "missing");
    }

    [Fact]
    public async Task Update_DeletedKey_ThrowsKeyNotFound()
    {
        string key = Prefix + "a";
        long created = await Store.CreateAsync(key, Bytes("one"), Token);
        await Store.DeleteAsync(key, created, Token);

        Func<Task> update = () => Store.UpdateAsync(key, Bytes("two"), created, Token);

        await update.Should().ThrowAsync<KeyNotFoundException>();
    }

    [Fact]
    public async Task Delete_MatchingRevision_RemovesKey()
    {
        string key = Prefix + "a";
        long created = await Store.CreateAsync(key, Bytes("one"), Token);

        long deleted = await Store.DeleteAsync(key, created, Token);

        deleted.Should().BeGreaterThan(created);
        (await Store.GetAsync(key, Token)).Should().BeNull();
    }

    [Fact]
    public async Task Delete_StaleRevision_ThrowsConflict()
    {
        string key = Prefix + "a";
        long created = await Store.CreateAsync(key, Bytes("one"), Token);
        long updated = await Store.UpdateAsync(key, Bytes("two"), created, Token);

        Func<Task> delete = () => Store.DeleteAsync(key, created, Token);

        RevisionConflictException conflict = (await delete.Should().ThrowAsync<RevisionConflictException>()).Which;
        conflict.ExpectedRevision.Should().Be(created);
        conflict.ActualRevision.Should().Be(updated);
        (await Store.GetAsync(key, Token)).Should().NotBeNull();
    }

    [Fact]
    public async Task Delete_WithoutRevision_RemovesKey()
    {
        string key = Prefix + "a";
        long created = await Store.CreateAsync(key, Bytes("one"), Token);
        await Store.UpdateAsync(key, Bytes("two"), created, Token);

        long deleted = await Store.DeleteAsync(key, expectedRevision: null, Token);

        deleted.Should().BeGreaterThan(created);
        (await Store.GetAsync(key, Token)).Should().BeNull();
    }

    [Fact]
    public async Task Delete_MissingKey_ThrowsKeyNotFound()
    {
        Func<Task> delete = () => Store.DeleteAsync(Prefix + "missing", expectedRevision: null, Token);

        (await delete.Should().ThrowAsync<KeyNotFoundException>()).Which.Key.Should().Be(Prefix + "missing");
    }

    [Fact]
    public async Task Write_EachWrite_GetsHigherRevision()
    {
        string key = Prefix + "a";

        long created = await Store.CreateAsync(key, Bytes("1"), Token);
        long updated = await Store.UpdateAsync(key, Bytes("2"), created, Token);
        long other = await Store.CreateAsync(Prefix + "b", Bytes("3"), Token);
        long deleted = await Store.DeleteAsync(key, updated, Token);

        new[] { created, updated, other, deleted }.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await Store.GetCurrentRevisionAsync(Token)).Should().BeGreaterThanOrEqualTo(deleted);
    }

    [Fact]
    public async Task List_Prefix_ReturnsSortedSnapshot()
    {
        await Store.CreateAsync(Prefix + "ns/c", Bytes("c"), Token);
        await Store.CreateAsync(Prefix + "ns/a", Bytes("a"), Token);
        long last = await Store.CreateAsync(Prefix + "ns/b", Bytes("b"), Token);
        await Store.CreateAsync(Prefix + "ns2/x", Bytes("x"), Token);
        await Store.CreateAsync(Prefix + "ns", Bytes("bare"), Token);
        long deleteRevision = await Store.DeleteAsync(Prefix + "ns/c", expectedRevision: null, Token);

        ListResult list = await Store.ListAsync(Prefix + "ns/", startAfterKey: null, limit: 0, atRevision: 0, Token);

        list.Items.Select(item => item.Key).Should().Equal(Prefix + "ns/a", Prefix + "ns/b");
        list.Items.Select(item => Text(item.Value)).Should().Equal("a", "b");
        list.Items[1].ModRevision.Should().Be(last);
        list.Revision.Should().BeGreaterThanOrEqualTo(deleteRevision);
        list.HasMore.Should().BeFalse();
    }

    [Fact]
    public async Task List_EmptyPrefix_ReturnsNoItems()
    {
        ListResult list = await Store.ListAsync(Prefix + "nothing/", startAfterKey: null, limit: 10, atRevision: 0, Token);

        list.Items.Should().BeEmpty();
        list.HasMore.Should().BeFalse();
        list.Revision.Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task List_WithLimit_PagesThroughAll()
    {
        for (int i = 0; i < 7; i++)
        {
            await Store.CreateAsync($"{Prefix}item-{i}", Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Token);
        }

        ListResult first = await Store.ListAsync(Prefix, startAfterKey: null, limit: 3, atRevision: 0, Token);
        await Store.CreateAsync(Prefix + "item-9", Bytes("late"), Token);
        ListResult second = await Store.ListAsync(Prefix, first.Items[^1].Key, limit: 3, first.Revision, Token);
        ListResult third = await Store.ListAsync(Prefix, second.Items[^1].Key, limit: 3, first.Revision, Token);

        first.Items.Select(item => item.Key).Should().Equal($"{Prefix}item-0", $"{Prefix}item-1", $"{Prefix}item-2");
        first.HasMore.Should().BeTrue();
        second.Items.Select(item => item.Key).Should().Equal($"{Prefix}item-3", $"{Prefix}item-4", $"{Prefix}item-5");
        second.HasMore.Should().BeTrue();
        second.Revision.Should().Be(first.Revision);
        third.Items.Select(item => item.Key).Should().Equal($"{Prefix}item-6");
        third.HasMore.Should().BeFalse();
    }

    [Fact]
    public async Task List_LimitEqualToCount_HasNoMore()
    {
        await Store.CreateAsync(Prefix + "a", Bytes("a"), Token);
        await Store.CreateAsync(Prefix + "b", Bytes("b"), Token);

        ListResult list = await Store.ListAsync(Prefix, startAfterKey: null, limit: 2, atRevision: 0, Token);

        list.Items.Should().HaveCount(2);
        list.HasMore.Should().BeFalse();
    }

    [Fact]
    public async Task List_AtOldRevision_ReturnsOldState()
    {
        long created = await Store.CreateAsync(Prefix + "a", Bytes("one"), Token);
        long snapshot = await Store.CreateAsync(Prefix + "b", Bytes("b"), Token);
        await Store.UpdateAsync(Prefix + "a", Bytes("two"), created, Token);
        await Store.DeleteAsync(Prefix + "b", snapshot, Token);
        await Store.CreateAsync(Prefix + "c", Bytes("c"), Token);

        ListResult old = await Store.ListAsync(Prefix, startAfterKey: null, limit: 0, snapshot, Token);
        ListResult now = await Store.ListAsync(Prefix, startAfterKey: null, limit: 0, atRevision: 0, Token);

        old.Revision.Should().Be(snapshot);
        old.Items.Select(item => (item.Key, Text(item.Value))).Should().Equal((Prefix + "a", "one"), (Prefix + "b", "b"));
        old.Items[0].ModRevision.Should().Be(created);
        now.Items.Select(item => (item.Key, Text(item.Value))).Should().Equal((Prefix + "a", "two"), (Prefix + "c", "c"));
    }

    [Fact]
    public async Task List_AtFutureRevision_ThrowsFutureRevision()
    {
        long current = await Store.GetCurrentRevisionAsync(Token);

        Func<Task> list = () => Store.ListAsync(Prefix, startAfterKey: null, limit: 0, current + 1_000_000, Token);

        await list.Should().ThrowAsync<FutureRevisionException>();
    }

    [Fact]
    public async Task Watch_FromRevision_DeliversLaterChanges()
    {
        string key = Prefix + "a";
        long start = await Store.CreateAsync(Prefix + "before", Bytes("ignored"), Token);
        long created = await Store.CreateAsync(key, Bytes("one"), Token);
        long updated = await Store.UpdateAsync(key, Bytes("two"), created, Token);

        Task<List<StoreEvent>> watching = Wait.ForEventsAsync(token => Store.WatchAsync(Prefix, start, token), 4, Wait.DefaultTimeout);
        long deleted = await Store.DeleteAsync(key, updated, Token);
        long recreated = await Store.CreateAsync(key, Bytes("three"), Token);
        List<StoreEvent> events = await watching;

        events.Select(e => (e.Type, e.Key, Text(e.Value), e.Revision)).Should().Equal(
            (StoreEventType.Created, key, "one", created),
            (StoreEventType.Updated, key, "two", updated),
            (StoreEventType.Deleted, key, "two", deleted),
            (StoreEventType.Created, key, "three", recreated));
    }

    [Fact]
    public async Task Watch_FromCurrentRevision_DeliversOnlyNewChanges()
    {
        await Store.CreateAsync(Prefix + "old", Bytes("old"), Token);
        long current = await Store.GetCurrentRevisionAsync(Token);

        Task<List<StoreEvent>> watching = Wait.ForEventsAsync(token => Store.WatchAsync(Prefix, current, token), 2, Wait.DefaultTimeout);
        long first = await Store.CreateAsync(Prefix + "new1", Bytes("1"), Token);
        long second = await Store.CreateAsync(Prefix + "new2", Bytes("2"), Token);
        List<StoreEvent> events = await watching;

        events.Select(e => (e.Key, e.Revision)).Should().Equal((Prefix + "new1", first), (Prefix + "new2", second));
    }

    [Fact]
    public async Task Watch_OtherPrefix_IsNotDelivered()
    {
        long start = await Store.GetCurrentRevisionAsync(Token);

        Task<List<StoreEvent>> watching = Wait.ForEventsAsync(token => Store.WatchAsync(Prefix + "ns/", start, token), 1, Wait.DefaultTimeout);
        await Store.CreateAsync(Prefix + "ns2/x", Bytes("x"), Token);
        await Store.CreateAsync(Prefix + "ns", Bytes("bare"), Token);
        long inside = await Store.CreateAsync(Prefix + "ns/a", Bytes("a"), Token);
        List<StoreEvent> events = await watching;

        events.Should().ContainSingle().Which.Revision.Should().Be(inside);
        events[0].Key.Should().Be(Prefix + "ns/a");
    }

    [Fact]
    public async Task Watch_ManyChanges_ArriveInRevisionOrder()
    {
        long start = await Store.GetCurrentRevisionAsync(Token);
        const int count = 50;

        Task<List<StoreEvent>> watching = Wait.ForEventsAsync(token => Store.WatchAsync(Prefix, start, token), count, Wait.DefaultTimeout);
        var revisions = new List<long>();
        for (int i = 0; i < count; i++)
        {
            revisions.Add(await Store.CreateAsync($"{Prefix}k{i:D3}", Bytes("v"), Token));
        }

        List<StoreEvent> events = await watching;

        events.Select(e => e.Revision).Should().Equal(revisions);
    }

    [Fact]
    public async Task Watch_ConcurrentWriters_EveryWatchSeesEveryChange()
    {
        long start = await Store.GetCurrentRevisionAsync(Token);
        const int writers = 8;
        const int writesPerWriter = 25;
        const int total = writers * writesPerWriter;

        Task<List<StoreEvent>>[] watches = Enumerable.Range(0, 3)
            .Select(_ => Wait.ForEventsAsync(token => Store.WatchAsync(Prefix, start, token), total, TimeSpan.FromSeconds(30)))
            .ToArray();
        long[][] written = await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var revisions = new List<long>();
            string key = $"{Prefix}writer-{writer}";
            long revision = await Store.CreateAsync(key, Bytes("0"), Token);
            revisions.Add(revision);
            for (int i = 1; i < writesPerWriter; i++)
            {
                revision = await Store.UpdateAsync(key, Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), revision, Token);
                revisions.Add(revision);
            }

            return revisions.ToArray();
        })));
        List<StoreEvent>[] seen = await Task.WhenAll(watches);

        long[] expected = written.SelectMany(revisions => revisions).Order().ToArray();
        foreach (List<StoreEvent> events in seen)
        {
            events.Select(e => e.Revision).Should().Equal(expected);
        }
    }

    [Fact]
    public async Task Watch_Cancelled_ThrowsOperationCanceled()
    {
        long start = await Store.GetCurrentRevisionAsync(Token);
        using var cancel = new CancellationTokenSource();
        await using IAsyncEnumerator<StoreEvent> watch = Store.WatchAsync(Prefix, start, cancel.Token).GetAsyncEnumerator(cancel.Token);
        long created = await Store.CreateAsync(Prefix + "a", Bytes("one"), Token);
        (await watch.MoveNextAsync().AsTask().WaitAsync(Wait.DefaultTimeout, Token)).Should().BeTrue();
        watch.Current.Revision.Should().Be(created);

        ValueTask<bool> next = watch.MoveNextAsync();
        await cancel.CancelAsync();

        Func<Task> waitForNext = () => next.AsTask().WaitAsync(Wait.DefaultTimeout, Token);
        await waitForNext.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task List_NonAsciiKeys_SortByUtf8Bytes()
    {
        await Store.CreateAsync(Prefix + "\u00e9", Bytes("e-acute"), Token);
        await Store.CreateAsync(Prefix + "z", Bytes("z"), Token);
        await Store.CreateAsync(Prefix + "\u4e2d", Bytes("cjk"), Token);
        await Store.CreateAsync(Prefix + "Z", Bytes("upper"), Token);

        ListResult list = await Store.ListAsync(Prefix, startAfterKey: null, limit: 0, atRevision: 0, Token);
        ListResult afterZ = await Store.ListAsync(Prefix, Prefix + "z", limit: 1, atRevision: 0, Token);

        list.Items.Select(item => Text(item.Value)).Should().Equal("upper", "z", "e-acute", "cjk");
        afterZ.Items.Select(item => Text(item.Value)).Should().Equal("e-acute");
        afterZ.HasMore.Should().BeTrue();
    }

    [Fact]
    public async Task Watch_FromCompactedRevision_ThrowsCompacted()
    {
        long created = await Store.CreateAsync(Prefix + "a", Bytes("one"), Token);
        long updated = await Store.UpdateAsync(Prefix + "a", Bytes("two"), created, Token);
        long compactTo = await Store.UpdateAsync(Prefix + "a", Bytes("three"), updated, Token);
        await Store.CompactAsync(compactTo, Token);

        Func<Task> watch = () => Wait.ForEventsAsync(token => Store.WatchAsync(Prefix, created, token), 1, Wait.DefaultTimeout);

        RevisionCompactedException compacted = (await watch.Should().ThrowAsync<RevisionCompactedException>()).Which;
        compacted.CompactedRevision.Should().BeGreaterThanOrEqualTo(compactTo);
    }

    [Fact]
    public async Task Watch_FromJustBelowCompactionPoint_Succeeds()
    {
        long created = await Store.CreateAsync(Prefix + "a", Bytes("one"), Token);
        long compactTo = await Store.UpdateAsync(Prefix + "a", Bytes("two"), created, Token);
        await Store.CompactAsync(compactTo, Token);

        Task<List<StoreEvent>> watching = Wait.ForEventsAsync(token => Store.WatchAsync(Prefix, compactTo - 1, token), 2, Wait.DefaultTimeout);
        long later = await Store.UpdateAsync(Prefix + "a", Bytes("three"), compactTo, Token);
        List<StoreEvent> events = await watching;

        events.Select(e => (e.Type, Text(e.Value), e.Revision)).Should().Equal(
            (StoreEventType.Updated, "two", compactTo),
            (StoreEventType.Updated, "three", later));
    }

    [Fact]
    public async Task List_AtCompactedRevision_ThrowsCompacted()
    {
        long created = await Store.CreateAsync(Prefix + "a", Bytes("one"), Token);
        long compactTo = await Store.UpdateAsync(Prefix + "a", Bytes("two"), created, Token);
        await Store.CompactAsync(compactTo, Token);

        Func<Task> list = () => Store.ListAsync(Prefix, startAfterKey: null, limit: 0, created, Token);

        RevisionCompactedException compacted = (await list.Should().ThrowAsync<RevisionCompactedException>()).Which;
        compacted.RequestedRevision.Should().Be(created);
        compacted.CompactedRevision.Should().BeGreaterThanOrEqualTo(compactTo);
    }

    [Fact]
    public async Task Compact_KeepsStateAtAndAfterCompactionPoint()
    {
        long a1 = await Store.CreateAsync(Prefix + "a", Bytes("a1"), Token);
        long b1 = await Store.CreateAsync(Prefix + "b", Bytes("b1"), Token);
        long a2 = await Store.UpdateAsync(Prefix + "a", Bytes("a2"), a1, Token);
        long c1 = await Store.CreateAsync(Prefix + "c", Bytes("c1"), Token);
        long bDeleted = await Store.DeleteAsync(Prefix + "b", b1, Token);
        long compactTo = await Store.UpdateAsync(Prefix + "c", Bytes("c2"), c1, Token);
        long a3 = await Store.UpdateAsync(Prefix + "a", Bytes("a3"), a2, Token);

        await Store.CompactAsync(compactTo, Token);
        ListResult atCompaction = await Store.ListAsync(Prefix, startAfterKey: null, limit: 0, compactTo, Token);
        ListResult now = await Store.ListAsync(Prefix, startAfterKey: null, limit: 0, atRevision: 0, Token);

        (await Store.GetCompactedRevisionAsync(Token)).Should().Be(compactTo);
        bDeleted.Should().BeLessThan(compactTo);
        atCompaction.Items.Select(item => (item.Key, Text(item.Value), item.ModRevision)).Should().Equal(
            (Prefix + "a", "a2", a2),
            (Prefix + "c", "c2", compactTo));
        now.Items.Select(item => (item.Key, Text(item.Value), item.ModRevision, item.CreateRevision)).Should().Equal(
            (Prefix + "a", "a3", a3, a1),
            (Prefix + "c", "c2", compactTo, c1));
    }

    [Fact]
    public async Task Compact_BelowCompactionPoint_ChangesNothing()
    {
        long created = await Store.CreateAsync(Prefix + "a", Bytes("one"), Token);
        long compactTo = await Store.UpdateAsync(Prefix + "a", Bytes("two"), created, Token);
        await Store.CompactAsync(compactTo, Token);

        await Store.CompactAsync(created, Token);

        (await Store.GetCompactedRevisionAsync(Token)).Should().Be(compactTo);
    }

    [Fact]
    public async Task Compact_FutureRevision_ThrowsFutureRevision()
    {
        long current = await Store.GetCurrentRevisionAsync(Token);

        Func<Task> compact = () => Store.CompactAsync(current + 1_000_000, Token);

        await compact.Should().ThrowAsync<FutureRevisionException>();
    }

    [Fact]
    public async Task Update_ConcurrentWithSameRevision_ExactlyOneWins()
    {
        string key = Prefix + "contended";
        long created = await Store.CreateAsync(key, Bytes("start"), Token);
        const int writers = 16;

        Task<long>[] updates = Enumerable.Range(0, writers)
            .Select(i => Task.Run(() => Store.UpdateAsync(key, Bytes($"writer-{i}"), created, Token)))
            .ToArray();
        Task all = Task.WhenAll(updates);
        await all.ContinueWith(_ => { }, TaskScheduler.Default);

        updates.Count(task => task.IsCompletedSuccessfully).Should().Be(1);
        updates.Where(task => task.IsFaulted).Select(task => task.Exception!.InnerException)
            .Should().HaveCount(writers - 1).And.AllBeOfType<RevisionConflictException>();
        Task<long> winner = updates.Single(task => task.IsCompletedSuccessfully);
        StoredValue? stored = await Store.GetAsync(key, Token);
        stored!.ModRevision.Should().Be(await winner);
    }

    [Fact]
    public async Task Create_ConcurrentOnSameKey_ExactlyOneWins()
    {
        string key = Prefix + "contended";
        const int writers = 16;

        Task<long>[] creates = Enumerable.Range(0, writers)
            .Select(i => Task.Run(() => Store.CreateAsync(key, Bytes($"writer-{i}"), Token)))
            .ToArray();
        await Task.WhenAll(creates).ContinueWith(_ => { }, TaskScheduler.Default);

        creates.Count(task => task.IsCompletedSuccessfully).Should().Be(1);
        creates.Where(task => task.IsFaulted).Select(task => task.Exception!.InnerException)
            .Should().HaveCount(writers - 1).And.AllBeOfType<KeyExistsException>();
    }

    protected static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(ReadOnlyMemory<byte> value) => Encoding.UTF8.GetString(value.Span);
}
