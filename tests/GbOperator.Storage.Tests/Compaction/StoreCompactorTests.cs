using System.Text;
using GbOperator.Storage.Compaction;
using GbOperator.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace GbOperator.Storage.Tests.Compaction;

public sealed class StoreCompactorTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gbo-compactor-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource _testTimeout = new(TimeSpan.FromSeconds(60));
    private SqliteResourceStore _store = null!;

    private CancellationToken Token => _testTimeout.Token;

    public Task InitializeAsync()
    {
        _store = new SqliteResourceStore(Path.Combine(_folder, "state.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _testTimeout.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task CompactOnce_CountBound_KeepsLastRevisions()
    {
        await WriteAsync(20);
        var compactor = new StoreCompactor(_store, new StoreCompactorOptions { RetainedRevisions = 5, RetentionWindow = null }, _time);

        long? compactedTo = await compactor.CompactOnceAsync(Token);

        compactedTo.Should().Be(15);
        (await _store.GetCompactedRevisionAsync(Token)).Should().Be(15);
        compactor.LastSuccess.Should().Be(_time.GetUtcNow());
    }

    [Fact]
    public async Task CompactOnce_ShortHistory_DoesNothing()
    {
        await WriteAsync(3);
        var compactor = new StoreCompactor(_store, new StoreCompactorOptions { RetainedRevisions = 5, RetentionWindow = null }, _time);

        long? compactedTo = await compactor.CompactOnceAsync(Token);

        compactedTo.Should().BeNull();
        (await _store.GetCompactedRevisionAsync(Token)).Should().Be(0);
    }

    [Fact]
    public async Task CompactOnce_TimeBound_CompactsToRevisionBeforeWindow()
    {
        var options = new StoreCompactorOptions { RetainedRevisions = null, RetentionWindow = TimeSpan.FromMinutes(5) };
        var compactor = new StoreCompactor(_store, options, _time);
        await WriteAsync(3);
        (await compactor.CompactOnceAsync(Token)).Should().BeNull();
        _time.Advance(TimeSpan.FromMinutes(3));
        await WriteAsync(4);
        (await compactor.CompactOnceAsync(Token)).Should().BeNull();

        _time.Advance(TimeSpan.FromMinutes(3));
        await WriteAsync(2);
        long? afterSix = await compactor.CompactOnceAsync(Token);
        _time.Advance(TimeSpan.FromMinutes(3));
        long? afterNine = await compactor.CompactOnceAsync(Token);

        afterSix.Should().Be(3, "the sample taken 6 minutes ago, at revision 3, is the newest one outside the window");
        afterNine.Should().Be(7, "the sample taken 6 minutes ago, at revision 7, is now the newest one outside the window");
    }

    [Fact]
    public async Task CompactOnce_BothBounds_KeepsLongerHistory()
    {
        var options = new StoreCompactorOptions { RetainedRevisions = 2, RetentionWindow = TimeSpan.FromMinutes(5) };
        var compactor = new StoreCompactor(_store, options, _time);
        await WriteAsync(4);
        await compactor.CompactOnceAsync(Token);
        await WriteAsync(10);

        _time.Advance(TimeSpan.FromMinutes(1));
        long? insideWindow = await compactor.CompactOnceAsync(Token);
        _time.Advance(TimeSpan.FromMinutes(5));
        long? outsideWindow = await compactor.CompactOnceAsync(Token);

        insideWindow.Should().BeNull("the count bound allows revision 12 but the window still covers revision 4");
        outsideWindow.Should().Be(12, "the window lets revision 14 go, but the count bound keeps the last two revisions");
        (await _store.GetCompactedRevisionAsync(Token)).Should().Be(12);
    }

    [Fact]
    public async Task RunAsync_EachInterval_CompactsAgain()
    {
        var options = new StoreCompactorOptions { Interval = TimeSpan.FromMinutes(1), RetainedRevisions = 1, RetentionWindow = null };
        var compactor = new StoreCompactor(_store, options, _time);
        using var stop = new CancellationTokenSource();
        await WriteAsync(5);

        Task loop = compactor.RunAsync(stop.Token);
        await Wait.UntilAsync(async () => await _store.GetCompactedRevisionAsync(Token) == 4, Wait.DefaultTimeout, "the first run compacts to revision 4");
        await WriteAsync(5);
        await Wait.UntilAsync(() => CompactedAfterIntervalAsync(options.Interval, 9), Wait.DefaultTimeout, "a later run compacts to revision 9");
        await stop.CancelAsync();

        await loop.WaitAsync(Wait.DefaultTimeout, Token);
        loop.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_FailedRun_RecordsErrorAndContinues()
    {
        var options = new StoreCompactorOptions { Interval = TimeSpan.FromMinutes(1), RetainedRevisions = 1, RetentionWindow = null };
        var failing = new FailingStore(_store) { FailuresLeft = 1 };
        var compactor = new StoreCompactor(failing, options, _time);
        using var stop = new CancellationTokenSource();
        await WriteAsync(5);

        Task loop = compactor.RunAsync(stop.Token);
        await Wait.UntilAsync(() => Task.FromResult(compactor.LastError is not null), Wait.DefaultTimeout, "the first run fails");
        await Wait.UntilAsync(() => CompactedAfterIntervalAsync(options.Interval, 4), Wait.DefaultTimeout, "a later run compacts to revision 4");
        await stop.CancelAsync();
        await loop.WaitAsync(Wait.DefaultTimeout, Token);

        compactor.LastError.Should().BeNull();
        compactor.LastSuccess.Should().NotBeNull();
    }

    [Theory]
    [InlineData(0, 10L, 60)]
    [InlineData(60, -1L, 60)]
    [InlineData(60, 10L, -1)]
    [InlineData(60, null, null)]
    public void Constructor_InvalidOptions_ThrowsArgumentException(int intervalSeconds, long? retainedRevisions, int? windowSeconds)
    {
        var options = new StoreCompactorOptions
        {
            Interval = TimeSpan.FromSeconds(intervalSeconds),
            RetainedRevisions = retainedRevisions,
            RetentionWindow = windowSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };

        Action create = () => _ = new StoreCompactor(_store, options, _time);

        create.Should().Throw<ArgumentException>();
    }

    /// <summary>
    /// Moves the clock one interval on and returns whether the store is compacted to <paramref name="revision"/>.
    /// The loop may not wait on the clock yet when this runs, so callers repeat it until it returns true.
    /// </summary>
    private async Task<bool> CompactedAfterIntervalAsync(TimeSpan interval, long revision)
    {
        _time.Advance(interval);
        return await _store.GetCompactedRevisionAsync(Token) == revision;
    }

    private async Task WriteAsync(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await _store.CreateAsync($"/k/{Guid.NewGuid():N}", Encoding.UTF8.GetBytes("v"), Token);
        }
    }
}
