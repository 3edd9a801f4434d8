using Microsoft.Extensions.Time.Testing;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>A <see cref="FakeTimeProvider"/> that counts the timers created on it, so a test can wait until code under test is waiting.</summary>
internal sealed class ObservableTimeProvider : FakeTimeProvider
{
    private int _timersCreated;

    public int TimersCreated => Volatile.Read(ref _timersCreated);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timersCreated);
        return timer;
    }
}
