namespace GbOperator.Infrastructure.Tests;

/// <summary>Waits on conditions with a deadline instead of fixed delays.</summary>
internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test when <paramref name="timeout"/> passes first.</summary>
    /// <remarks>Exceptions from <paramref name="condition"/> count as "not yet"; the last one is attached to the timeout.</remarks>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                lastError = exception;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting until {description}.", lastError);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
