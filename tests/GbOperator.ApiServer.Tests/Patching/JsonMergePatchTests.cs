using System.Text.Json.Nodes;
using GbOperator.ApiServer.Patching;

namespace GbOperator.ApiServer.Tests.Patching;

public sealed class JsonMergePatchTests
{
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_Rfc7386Examples_ProduceExpectedDocument(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        JsonNode.DeepEquals(result, JsonNode.Parse(expected)).Should().BeTrue(result!.ToJsonString());
    }
}
