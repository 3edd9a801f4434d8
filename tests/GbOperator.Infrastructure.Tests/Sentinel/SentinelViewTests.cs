using GbOperator.Infrastructure.Sentinel;

namespace GbOperator.Infrastructure.Tests.Sentinel;

public sealed class SentinelViewTests
{
    public static TheoryData<string, string?[], int, string?> Cases() => new()
    {
        { "all agree", ["127.0.0.1:1", "127.0.0.1:1", "127.0.0.1:1"], 2, "127.0.0.1:1" },
        { "one stale", ["127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:1"], 2, "127.0.0.1:1" },
        { "three views", ["127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"], 2, null },
        { "two down", ["127.0.0.1:1", null, null], 2, null },
        { "quorum one", ["127.0.0.1:1", null, null], 1, "127.0.0.1:1" },
        { "split two against two", ["127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:1", "127.0.0.1:2"], 3, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AgreedMaster_Answers_NeedsQuorumVotes(string @case, string?[] masters, int quorum, string? expected)
    {
        var view = new SentinelView(masters.Select((master, i) => new SentinelAnswer($"127.0.0.1:{26000 + i}", master, master is null ? "down" : null)).ToList());

        view.AgreedMaster(quorum).Should().Be(expected, @case);
    }
}
