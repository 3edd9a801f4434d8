namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>Waits for conditions with a deadline instead of fixed sleeps.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting until {because}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
