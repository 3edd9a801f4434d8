using GbOperator.Controllers.BotClusters;

namespace GbOperator.Controllers.Tests.BotClusters;

public class HealthTrackerTests
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void Record_FirstPass_IsReady()
    {
        var tracker = new HealthTracker();

        var record = tracker.Record("a", passed: true);

        HealthTracker.IsReady(record, retries: 3).Should().BeTrue();
        HealthTracker.IsFailed(record, 3, TimeSpan.Zero, StartupTimeout).Should().BeFalse();
    }

    [Fact]
    public void Record_FewerFailuresThanRetries_StaysReady()
    {
        var tracker = new HealthTracker();
        tracker.Record("a", passed: true);

        tracker.Record("a", passed: false);
        var record = tracker.Record("a", passed: false);

        HealthTracker.IsReady(record, retries: 3).Should().BeTrue();
        HealthTracker.IsFailed(record, 3, TimeSpan.Zero, StartupTimeout).Should().BeFalse();
    }

    [Fact]
    public void Record_RetriesFailures_FailsInstance()
    {
        var tracker = new HealthTracker();
        tracker.Record("a", passed: true);

        HealthRecord record = tracker.Record("a", passed: false);
        for (int i = 1; i < 3; i++)
        {
            record = tracker.Record("a", passed: false);
        }

        HealthTracker.IsReady(record, retries: 3).Should().BeFalse();
        HealthTracker.IsFailed(record, 3, TimeSpan.Zero, StartupTimeout).Should().BeTrue();
    }

    [Fact]
    public void Record_NeverPassed_FailsOnlyAfterStartupTimeout()
    {
        var tracker = new HealthTracker();

        var record = tracker.Record("a", passed: false);

        HealthTracker.IsReady(record, retries: 3).Should().BeFalse();
        HealthTracker.IsFailed(record, 3, TimeSpan.FromMinutes(1), StartupTimeout).Should().BeFalse();
        HealthTracker.IsFailed(record, 3, TimeSpan.FromMinutes(3), StartupTimeout).Should().BeTrue();
    }

    [Fact]
    public void Record_PassAfterFailures_ResetsCount()
    {
        var tracker = new HealthTracker();
        tracker.Record("a", passed: false);

        var record = tracker.Record("a", passed: true);

        record.Should().Be(new HealthRecord(0, true));
    }
}
