using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class ExponentialBackoffTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 10)]
    [InlineData(10, 5120)]
    [InlineData(17, 655_360)]
    [InlineData(18, 1_000_000)]
    [InlineData(100_000, 1_000_000)]
    public void DelayFor_Attempt_DoublesUpToCap(int attempt, double expectedMilliseconds)
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000), 0, new FixedRandom(0));

        var delay = backoff.DelayFor(attempt);

        delay.Should().Be(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Fact]
    public void DelayFor_FullJitter_StaysUnderCap()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), 1.0, new FixedRandom(0.25));

        var delay = backoff.DelayFor(10);

        delay.Should().Be(TimeSpan.FromSeconds(3));
    }
}
