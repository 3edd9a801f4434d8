using GbOperator.ApiServer.Tables;

namespace GbOperator.ApiServer.Tests.Tables;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(7, "7s")]
    [InlineData(119, "119s")]
    [InlineData(150, "2m30s")]
    [InlineData(300, "5m")]
    [InlineData(3600, "60m")]
    [InlineData(3 * 3600 + 240, "3h4m")]
    [InlineData(10 * 3600, "10h")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(30 * 86400, "30d")]
    [InlineData(3 * 365 * 86400, "3y")]
    [InlineData(-5, "<invalid>")]
    public void Format_Age_MatchesKubectl(long seconds, string expected)
    {
        HumanDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }
}
