using GbOperator.Resources.ShardMaps;

namespace GbOperator.Resources.Tests.ShardMaps;

public class ShardRangeTests
{
    [Fact]
    public void ParseList_ChapterExample_ReturnsThreeRanges()
    {
        var ranges = ShardRange.ParseList("0-999999:shard1,1000000-1999999:shard2,2000000-:shard3");

        ranges.Should().Equal(
            new ShardRange { Start = 0, End = 999_999, Shard = "shard1" },
            new ShardRange { Start = 1_000_000, End = 1_999_999, Shard = "shard2" },
            new ShardRange { Start = 2_000_000, End = null, Shard = "shard3" });
    }

    [Theory]
    [InlineData("0-9:a")]
    [InlineData("10-:b")]
    public void ToString_Range_MatchesCompactForm(string text)
    {
        ShardRange.Parse(text).ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("0-9", "is not a range")]
    [InlineData("9:a", "is not a range")]
    [InlineData("x-9:a", "invalid start 'x'")]
    [InlineData("-5-9:a", "invalid start ''")]
    [InlineData("0-9:", "names no shard")]
    [InlineData("", "is not a range")]
    public void Parse_Malformed_ThrowsWithReason(string text, string reason)
    {
        var act = () => ShardRange.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void EffectiveRanges_CompactSet_ParsesCompact()
    {
        var sharding = new RangeSharding { Compact = "0-:s" };

        sharding.EffectiveRanges().Should().ContainSingle().Which.IsOpenEnded.Should().BeTrue();
    }
}
