namespace GbOperator.Storage.Tests;

/// <summary>Waits on conditions with a deadline instead of fixed delays.</summary>
internal static class Wait
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test when <paramref name="timeout"/> passes first.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting until {description}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Reads events from <paramref name="events"/> until <paramref name="count"/> arrived or <paramref name="timeout"/> passed.</summary>
    /// <returns>The events read, possibly fewer than <paramref name="count"/> when the deadline passed.</returns>
    public static async Task<List<StoreEvent>> ForEventsAsync(
        Func<CancellationToken, IAsyncEnumerable<StoreEvent>> events, int count, TimeSpan timeout)
    {
        var received = new List<StoreEvent>();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await foreach (StoreEvent storeEvent in events(deadline.Token).WithCancellation(deadline.Token))
            {
                received.Add(storeEvent);
                if (received.Count >= count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // The deadline passed; the caller asserts on what arrived.
        }

        return received;
    }
}
