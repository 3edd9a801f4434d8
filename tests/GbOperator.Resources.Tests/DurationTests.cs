namespace GbOperator.Resources.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1h30m15s", 5_415_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m500ms", 120_500)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("-5s", -5_000)]
    [InlineData("+5s", 5_000)]
    [InlineData("90s", 90_000)]
    public void TryParse_ValidDuration_ReturnsValue(string text, long milliseconds)
    {
        Duration.TryParse(text, out var value).Should().BeTrue();

        value.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("5 m")]
    [InlineData("5d")]
    [InlineData("1.2.3s")]
    [InlineData(".s")]
    [InlineData("5m-3s")]
    [InlineData("-")]
    public void TryParse_InvalidDuration_ReturnsFalse(string? text)
    {
        Duration.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Parse_InvalidDuration_ThrowsWithExample()
    {
        var act = () => Duration.Parse("10");

        act.Should().Throw<FormatException>().WithMessage("'10' is not a duration*such as 500ms, 30s, 5m or 1h30m");
    }

    [Theory]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(300_000, "5m")]
    [InlineData(2_500, "2s500ms")]
    [InlineData(0, "0s")]
    [InlineData(-30_000, "-30s")]
    [InlineData(90_000_000, "25h")]
    public void Format_Value_ReturnsShortestForm(long milliseconds, string expected)
    {
        Duration.Format(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);
    }

    [Theory]
    [InlineData("1h30m")]
    [InlineData("45s")]
    [InlineData("250ms")]
    public void FormatThenParse_Value_RoundTrips(string text)
    {
        Duration.Format(Duration.Parse(text)).Should().Be(text);
    }
}
