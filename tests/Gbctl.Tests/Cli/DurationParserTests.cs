using Gbctl.Cli;

namespace Gbctl.Tests.Cli;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("1h30m", 5400)]
    [InlineData("00:02:00", 120)]
    public void Parse_ValidDuration_ReturnsSeconds(string text, int seconds)
    {
        var duration = DurationParser.Parse(text);

        duration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Parse_Garbage_ThrowsWithExample()
    {
        var act = () => DurationParser.Parse("soon");

        act.Should().Throw<CliException>().WithMessage("*\"soon\"*30s*");
    }
}
