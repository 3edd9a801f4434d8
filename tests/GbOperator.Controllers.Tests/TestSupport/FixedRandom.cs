namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>A <see cref="Random"/> whose <see cref="NextDouble"/> returns a set value, so jitter is predictable.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public double Value { get; set; } = value;

    public override double NextDouble() => Value;
}
