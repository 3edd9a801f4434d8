using System.Text.Json.Nodes;
using Gbctl.Output;
using GbOperator.Resources;

namespace Gbctl.Tests.Output;

public sealed class ResourceTableTests
{
    [Fact]
    public void FromObjects_BotCluster_ReadsCatalogColumns()
    {
        var kind = ResourceCatalog.Find("bc")!;
        var now = DateTimeOffset.Parse("2026-01-01T00:10:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var item = (JsonObject)JsonNode.Parse(
            """{"metadata":{"name":"web","namespace":"bots","creationTimestamp":"2026-01-01T00:00:00Z"},"spec":{"replicas":4,"image":"bot:1"}}""")!;

        var table = ResourceTable.FromObjects(kind, [item], now);
        var text = TablePrinter.Render(table, wide: false, withNamespace: true, headers: true);

        var lines = text.TrimEnd('\n').Split('\n');
        lines[0].Should().MatchRegex("^NAMESPACE +NAME +REPLICAS .*AGE$");
        lines[1].Should().MatchRegex("^bots +web +4 .*bot:1 .*10m$");
    }

    [Fact]
    public void FromServerTable_WideOff_HidesPriorityColumns()
    {
        var response = (JsonObject)JsonNode.Parse(
            """
            {"kind":"Table","apiVersion":"meta.k8s.io/v1","columnDefinitions":[
              {"name":"Name","priority":0},{"name":"Host","priority":1},{"name":"Age","priority":0}],
             "rows":[{"cells":["web","bots.example","5m"],"object":{"metadata":{"namespace":"bots"}}}]}
            """)!;

        var table = ResourceTable.FromServerTable(response);
        var narrow = TablePrinter.Render(table, wide: false, withNamespace: false, headers: true);
        var wide = TablePrinter.Render(table, wide: true, withNamespace: false, headers: true);

        ResourceTable.IsTable(response).Should().BeTrue();
        narrow.Should().Be("NAME   AGE\nweb    5m\n");
        wide.Should().Be("NAME   HOST           AGE\nweb    bots.example   5m\n");
    }
}
