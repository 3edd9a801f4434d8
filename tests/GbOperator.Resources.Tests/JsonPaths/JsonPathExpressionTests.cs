using System.Text.Json.Nodes;
using GbOperator.Resources.JsonPaths;

namespace GbOperator.Resources.Tests.JsonPaths;

public class JsonPathExpressionTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        {
          "metadata": {"name": "demo", "creationTimestamp": "2026-01-31T12:00:00Z"},
          "spec": {"replicas": 3, "image": "botserver-standin", "routes": [{"path": "/ws*"}, {"path": "/api/*"}]},
          "status": {"conditions": [
            {"type": "Progressing", "status": "False"},
            {"type": "Ready", "status": "True", "observedGeneration": 2}
          ]}
        }
        """)!;

    [Theory]
    [InlineData(".spec.replicas", "3")]
    [InlineData(".spec.image", "botserver-standin")]
    [InlineData("{.metadata.name}", "demo")]
    [InlineData("$.metadata.name", "demo")]
    [InlineData(".spec.routes[0].path", "/ws*")]
    [InlineData(".spec.routes[-1].path", "/api/*")]
    [InlineData(".spec.routes[*].path", "/ws*,/api/*")]
    [InlineData(".spec['image']", "botserver-standin")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "True")]
    [InlineData(".status.conditions[?(@.type=='Ready')].status", "True")]
    [InlineData(".status.conditions[?(@.type!=\"Ready\")].type", "Progressing")]
    [InlineData(".status.conditions[?(@.observedGeneration==2)].type", "Ready")]
    [InlineData(".status.conditions[?( @.type == \"Ready\" )].status", "True")]
    [InlineData(".spec.routes", "[{\"path\":\"/ws*\"},{\"path\":\"/api/*\"}]")]
    public void SelectText_SupportedForm_ReturnsCell(string path, string expected)
    {
        JsonPathExpression.Parse(path).SelectText(Document).Should().Be(expected);
    }

    [Theory]
    [InlineData(".spec.missing")]
    [InlineData(".status.conditions[?(@.type==\"Healthy\")].status")]
    [InlineData(".spec.routes[5].path")]
    [InlineData(".spec.replicas.deeper")]
    [InlineData(".metadata[0]")]
    public void Select_NoMatch_ReturnsEmpty(string path)
    {
        JsonPathExpression.Select(Document, path).Should().BeEmpty();
    }

    [Fact]
    public void Select_NullRoot_ReturnsEmpty()
    {
        JsonPathExpression.Select(null, ".spec.replicas").Should().BeEmpty();
    }

    [Fact]
    public void Select_Number_ReturnsNode()
    {
        JsonPathExpression.Select(Document, ".spec.replicas").Single()!.GetValue<int>().Should().Be(3);
    }

    [Theory]
    [InlineData("spec.replicas")]
    [InlineData("..spec")]
    [InlineData(".spec[")]
    [InlineData(".spec[abc]")]
    [InlineData(".status.conditions[?(@.type>1)]")]
    [InlineData(".status.conditions[?(@.type==Ready)]")]
    [InlineData(".status.conditions[?(type==\"Ready\")]")]
    [InlineData(".spec.'x'")]
    public void Parse_UnsupportedOrMalformed_Throws(string path)
    {
        var act = () => JsonPathExpression.Parse(path);

        act.Should().Throw<FormatException>().WithMessage($"*invalid JSONPath*");
    }

    [Fact]
    public void CatalogColumns_Always_Parse()
    {
        foreach (var column in ResourceCatalog.All.SelectMany(kind => kind.PrinterColumns))
        {
            var act = () => JsonPathExpression.Parse(column.JsonPath);

            act.Should().NotThrow(column.JsonPath);
        }
    }
}
