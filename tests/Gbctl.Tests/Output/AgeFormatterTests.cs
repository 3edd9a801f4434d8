using Gbctl.Output;

namespace Gbctl.Tests.Output;

public sealed class AgeFormatterTests
{
    [Theory]
    [InlineData(5, "5s")]
    [InlineData(119, "119s")]
    [InlineData(150, "2m30s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 20 * 60, "3h20m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(40 * 86400, "40d")]
    public void Format_Duration_MatchesKubectlHumanDuration(int seconds, string expected)
    {
        var text = AgeFormatter.Format(TimeSpan.FromSeconds(seconds));

        text.Should().Be(expected);
    }

    [Fact]
    public void FromTimestamp_Unparsable_ReturnsUnknown()
    {
        var text = AgeFormatter.FromTimestamp("yesterday", DateTimeOffset.UtcNow);

        text.Should().Be("<unknown>");
    }
}
