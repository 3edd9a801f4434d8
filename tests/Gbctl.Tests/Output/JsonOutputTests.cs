using System.Text.Json.Nodes;
using Gbctl.Output;

namespace Gbctl.Tests.Output;

public sealed class JsonOutputTests
{
    [Fact]
    public void Write_Object_SortsKeysWithFourSpaceIndent()
    {
        var value = JsonNode.Parse("""{"b":1,"a":{"d":true,"c":"x"}}""");

        var json = JsonOutput.Write(value);

        json.Should().Be("{\n    \"a\": {\n        \"c\": \"x\",\n        \"d\": true\n    },\n    \"b\": 1\n}\n");
    }

    [Fact]
    public void WriteCompact_Object_SortsKeysWithoutSpaces()
    {
        var value = JsonNode.Parse("""{"kind":"BotCluster","apiVersion":"generalbots.ai/v1alpha1","metadata":{"name":"web"}}""");

        var json = JsonOutput.WriteCompact(value);

        json.Should().Be("""{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{"name":"web"}}""");
    }
}
