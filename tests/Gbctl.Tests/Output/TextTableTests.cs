using Gbctl.Output;

namespace Gbctl.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void Format_Rows_PadsColumnsToWidestCellPlusThreeAndAtLeastTen()
    {
        string[][] rows = [["NAME", "REPLICAS", "AGE"], ["a-long-cluster-name", "3", "5m"]];

        var text = TextTable.Format(rows);

        text.Should().Be(
            "NAME                  REPLICAS   AGE\n" +
            "a-long-cluster-name   3          5m\n");
    }

    [Fact]
    public void Format_NoRows_ReturnsEmptyText()
    {
        var text = TextTable.Format([]);

        text.Should().BeEmpty();
    }
}
