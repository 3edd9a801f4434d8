using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Add_SameKeyTwice_HandedOutOnce()
    {
        using var queue = CreateQueue();

        queue.Add("a");
        queue.Add("a");
        queue.Add("b");

        queue.Count.Should().Be(2);
        (await queue.GetAsync(CancellationToken.None)).Key.Should().Be("a");
        (await queue.GetAsync(CancellationToken.None)).Key.Should().Be("b");
        queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task Add_KeyInProcess_RequeuedAfterDone()
    {
        using var queue = CreateQueue();
        queue.Add("a");
        var (key, _) = await queue.GetAsync(CancellationToken.None);

        queue.Add("a");
        var second = queue.GetAsync(CancellationToken.None).AsTask();

        queue.Count.Should().Be(0);
        second.IsCompleted.Should().BeFalse();

        queue.Done(key);

        (await second.WaitAsync(Short)).Key.Should().Be("a");
    }

    [Fact]
    public async Task Done_KeyNotAddedMeanwhile_NotQueuedAgain()
    {
        using var queue = CreateQueue();
        queue.Add("a");
        var (key, _) = await queue.GetAsync(CancellationToken.None);

        queue.Done(key);

        queue.Count.Should().Be(0);
        queue.ProcessingCount.Should().Be(0);
    }

    [Fact]
    public async Task GetAsync_ManyWorkers_OneKeyAtOnce()
    {
        using var queue = new WorkQueue<string>(CreateLimiter(), TimeProvider.System);
        var keys = new[] { "a", "b", "c", "d", "e" };
        var inFlight = keys.ToDictionary(key => key, _ => 0);
        var maxInFlight = 0;
        var processed = 0;

        async Task WorkAsync()
        {
            while (true)
            {
                var (key, shutDown) = await queue.GetAsync(CancellationToken.None);
                if (shutDown)
                {
                    return;
                }

                int current;
                lock (inFlight)
                {
                    current = ++inFlight[key];
                    maxInFlight = Math.Max(maxInFlight, current);
                }

                await Task.Yield();
                lock (inFlight)
                {
                    inFlight[key]--;
                }

                Interlocked.Increment(ref processed);
                queue.Done(key);
            }
        }

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(WorkAsync)).ToArray();
        for (var i = 0; i < 2000; i++)
        {
            queue.Add(keys[i % keys.Length]);
            if (i % 50 == 0)
            {
                await Task.Yield();
            }
        }

        await Wait.UntilAsync(() => queue.Count == 0 && queue.ProcessingCount == 0, "the queue is empty");
        await queue.ShutDownWithDrainAsync(CancellationToken.None).WaitAsync(Short);
        await Task.WhenAll(workers).WaitAsync(Short);

        maxInFlight.Should().Be(1);
        processed.Should().BeGreaterThanOrEqualTo(keys.Length);
    }

    [Fact]
    public void AddRateLimited_Repeated_DoublesToCap()
    {
        using var queue = CreateQueue(baseDelay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(8));

        var delays = Enumerable.Range(0, 6).Select(_ => queue.AddRateLimited("a").TotalSeconds).ToList();

        delays.Should().Equal(1, 2, 4, 8, 8, 8);
        queue.NumRequeues("a").Should().Be(6);
    }

    [Fact]
    public void AddRateLimited_BeforeDelay_NotQueued()
    {
        using var queue = CreateQueue(baseDelay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(8));
        queue.AddRateLimited("a");

        _time.Advance(TimeSpan.FromMilliseconds(999));
        var countBeforeDelay = queue.Count;
        _time.Advance(TimeSpan.FromMilliseconds(1));

        countBeforeDelay.Should().Be(0);
        queue.Count.Should().Be(1);
    }

    [Theory]
    [InlineData(0.0, 1000)]
    [InlineData(0.5, 900)]
    [InlineData(1.0, 800)]
    public void AddRateLimited_Jitter_ShortensDelayByRandomFraction(double sample, double expectedMilliseconds)
    {
        using var queue = CreateQueue(baseDelay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(8), jitter: 0.2, random: new FixedRandom(sample));

        var delay = queue.AddRateLimited("a");

        delay.TotalMilliseconds.Should().BeApproximately(expectedMilliseconds, 0.001);
    }

    [Fact]
    public void Forget_AfterFailures_ResetsBackoffToBase()
    {
        using var queue = CreateQueue(baseDelay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(60));
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");

        queue.Forget("a");

        queue.NumRequeues("a").Should().Be(0);
        queue.AddRateLimited("a").Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Forget_OneKey_LeavesOtherKeysBackoff()
    {
        using var queue = CreateQueue(baseDelay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(60));
        queue.AddRateLimited("a");
        queue.AddRateLimited("b");

        queue.Forget("a");

        queue.AddRateLimited("b").Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Bucket_BurstUsed_SpacesByRate()
    {
        var bucket = new BucketRateLimiter<string>(tokensPerSecond: 2, burst: 3, _time);

        var burst = Enumerable.Range(0, 3).Select(i => bucket.When($"key-{i}")).ToList();
        var fourth = bucket.When("key-3");
        var fifth = bucket.When("key-4");
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterRefill = bucket.When("key-5");

        burst.Should().AllSatisfy(delay => delay.Should().Be(TimeSpan.Zero));
        fourth.Should().Be(TimeSpan.FromMilliseconds(500));
        fifth.Should().Be(TimeSpan.FromSeconds(1));
        afterRefill.Should().Be(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void AddRateLimited_BucketSlower_WaitsForBucket()
    {
        var backoff = new ItemExponentialRateLimiter<string>(new ExponentialBackoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10), 0, new FixedRandom(0)));
        var bucket = new BucketRateLimiter<string>(tokensPerSecond: 1, burst: 1, _time);
        using var queue = new WorkQueue<string>(new MaxOfRateLimiter<string>(backoff, bucket), _time);

        var first = queue.AddRateLimited("a");
        var second = queue.AddRateLimited("b");

        first.Should().Be(TimeSpan.FromMilliseconds(5));
        second.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void AddAfter_SameKeyTwice_EarlierTimeWins()
    {
        using var queue = CreateQueue();

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(2));
        var countAtEarliest = queue.Count;
        _time.Advance(TimeSpan.FromSeconds(10));

        countAtEarliest.Should().Be(1);
        queue.Count.Should().Be(1);
    }

    [Fact]
    public void AddAfter_ZeroDelay_QueuesAtOnce()
    {
        using var queue = CreateQueue();

        queue.AddAfter("a", TimeSpan.Zero);

        queue.Count.Should().Be(1);
    }

    [Fact]
    public async Task ShutDownWithDrain_KeyInFlight_Waits()
    {
        using var queue = CreateQueue();
        queue.Add("a");
        var (key, _) = await queue.GetAsync(CancellationToken.None);

        var drain = queue.ShutDownWithDrainAsync(CancellationToken.None);
        var completedBeforeDone = drain.IsCompleted;
        queue.Done(key);

        completedBeforeDone.Should().BeFalse();
        await drain.WaitAsync(Short);
    }

    [Fact]
    public async Task ShutDownWithDrain_Idle_CompletesAtOnce()
    {
        using var queue = CreateQueue();
        queue.Add("a");

        await queue.ShutDownWithDrainAsync(CancellationToken.None).WaitAsync(Short);

        queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task ShutDown_WaitingGet_ReturnsShutDown()
    {
        using var queue = CreateQueue();
        var waiting = queue.GetAsync(CancellationToken.None).AsTask();

        queue.ShutDown();

        (await waiting.WaitAsync(Short)).ShutDown.Should().BeTrue();
    }

    [Fact]
    public void Add_AfterShutDown_Ignored()
    {
        using var queue = CreateQueue();
        queue.ShutDown();

        queue.Add("a");
        queue.AddAfter("b", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task ShutDown_KeyReadded_NotRequeued()
    {
        using var queue = CreateQueue();
        queue.Add("a");
        var (key, _) = await queue.GetAsync(CancellationToken.None);
        queue.Add("a");

        queue.ShutDown();
        queue.Done(key);

        queue.Count.Should().Be(0);
        (await queue.GetAsync(CancellationToken.None)).ShutDown.Should().BeTrue();
    }

    private WorkQueue<string> CreateQueue(
        TimeSpan? baseDelay = null,
        TimeSpan? maxDelay = null,
        double jitter = 0,
        Random? random = null) =>
        new(CreateLimiter(baseDelay, maxDelay, jitter, random), _time);

    private static ItemExponentialRateLimiter<string> CreateLimiter(
        TimeSpan? baseDelay = null,
        TimeSpan? maxDelay = null,
        double jitter = 0,
        Random? random = null) =>
        new(new ExponentialBackoff(
            baseDelay ?? TimeSpan.FromMilliseconds(5),
            maxDelay ?? TimeSpan.FromSeconds(10),
            jitter,
            random ?? new FixedRandom(0)));
}
