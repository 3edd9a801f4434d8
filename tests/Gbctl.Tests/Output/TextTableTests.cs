using Gbctl.Output;

namespace Gbctl.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void Format_Rows_PadsToWidestCell()
    {
        string[][] rows = [["NAME", "REPLICAS", "READY", "AGE"], ["a-long-cluster-name", "3", "", "5m"]];

        var text = TextTable.Format(rows);

        text.Should().Be(
            "NAME                  REPLICAS   READY   AGE\n" +
            "a-long-cluster-name   3                  5m\n");
    }

    [Fact]
    public void Format_NarrowColumn_PadsToSixCharacters()
    {
        string[][] rows = [["A", "B"], ["x", "y"]];

        var text = TextTable.Format(rows);

        text.Should().Be("A     B\nx     y\n");
    }

    [Fact]
    public void Format_NoRows_ReturnsEmptyText()
    {
        var text = TextTable.Format([]);

        text.Should().BeEmpty();
    }
}
