namespace Gbctl.Tests.Support;

/// <summary>Waits for a condition with a deadline.</summary>
internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it is true, failing the test with <paramref name="describeCondition"/> when <paramref name="timeout"/> passes.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describeCondition)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for {describeCondition()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
