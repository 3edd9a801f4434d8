using System.Text.Json.Nodes;
using Gbctl.Output;

namespace Gbctl.Tests.Output;

public sealed class YamlWriterTests
{
    [Fact]
    public void Write_NestedObject_MatchesKubectlLayout()
    {
        var value = JsonNode.Parse("""{"spec":{"replicas":3,"image":"bot:1"},"kind":"BotCluster","items":[{"b":1,"a":"x"},"plain"]}""");

        var yaml = YamlWriter.Write(value);

        yaml.Should().Be(
            """
            items:
            - a: x
              b: 1
            - plain
            kind: BotCluster
            spec:
              image: bot:1
              replicas: 3

            """.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("123", "\"123\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("no", "\"no\"")]
    [InlineData("", "\"\"")]
    [InlineData("2024-01-02T03:04:05Z", "\"2024-01-02T03:04:05Z\"")]
    [InlineData("1.5", "\"1.5\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("{\"a\":1}", "'{\"a\":1}'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("it's", "it's")]
    [InlineData("*star", "'*star'")]
    [InlineData("-x", "-x")]
    [InlineData("web-1", "web-1")]
    [InlineData("tab\there", "\"tab\\there\"")]
    public void Write_AmbiguousString_QuotesLikeKubectl(string text, string expected)
    {
        var yaml = YamlWriter.Write(new JsonObject { ["v"] = text });

        yaml.Should().Be($"v: {expected}\n");
    }

    [Fact]
    public void Write_MultilineString_UsesLiteralBlock()
    {
        var value = new JsonObject { ["metadata"] = new JsonObject { ["note"] = "line one\nline two\n" } };

        var yaml = YamlWriter.Write(value);

        yaml.Should().Be("metadata:\n  note: |\n    line one\n    line two\n");
    }

    [Fact]
    public void Write_EmptyCollections_UseFlowStyle()
    {
        var value = JsonNode.Parse("""{"a":{},"b":[],"c":null}""");

        var yaml = YamlWriter.Write(value);

        yaml.Should().Be("a: {}\nb: []\nc: null\n");
    }

    [Fact]
    public void Write_NestedSequences_IndentsInnerItems()
    {
        var value = JsonNode.Parse("""{"m":[[1,2],[{"k":"v"}]]}""");

        var yaml = YamlWriter.Write(value);

        yaml.Should().Be("m:\n- - 1\n  - 2\n- - k: v\n");
    }
}
