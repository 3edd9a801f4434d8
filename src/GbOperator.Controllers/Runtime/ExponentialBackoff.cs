namespace GbOperator.Controllers.Runtime;

/// <summary>Delays that double with each attempt up to a cap, shortened by a random fraction.</summary>
/// <remarks>
/// The delay of attempt <c>n</c> (0-based) is <c>min(cap, base * 2^n) * (1 - jitter * r)</c> with
/// <c>r</c> drawn from <see cref="Random.NextDouble"/>, so it never exceeds the cap and differs between
/// callers that fail at the same moment.
/// </remarks>
internal sealed class ExponentialBackoff
{
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly double _jitter;
    private readonly Random _random;

    /// <param name="baseDelay">Delay of the first attempt before jitter; positive.</param>
    /// <param name="maxDelay">Cap of every delay; at least <paramref name="baseDelay"/>.</param>
    /// <param name="jitter">Largest fraction, from 0 to 1, that jitter removes from a delay.</param>
    /// <param name="random">Source of jitter. <see cref="Random"/> is not thread-safe, so every user of a shared instance locks on it.</param>
    public ExponentialBackoff(TimeSpan baseDelay, TimeSpan maxDelay, double jitter, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1.0);
        ArgumentNullException.ThrowIfNull(random);

        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
        _jitter = jitter;
        _random = random;
    }

    /// <summary>Returns the delay before retry number <paramref name="attempt"/>, counted from 0.</summary>
    public TimeSpan DelayFor(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);

        // 2^attempt overflows a double's useful range long before attempt reaches 1024, so clamp the exponent.
        var exponential = _baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 62));
        var capped = Math.Min(exponential, _maxDelay.TotalMilliseconds);

        double sample;
        lock (_random)
        {
            sample = _random.NextDouble();
        }

        return TimeSpan.FromMilliseconds(capped * (1 - (_jitter * sample)));
    }
}
