using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Patching;

namespace GbOperator.ApiServer.Tests.Patching;

public sealed class JsonPatchDocumentTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""{"a":{"b":1,"c":[1,2,3]},"x/y":{"~t":true}}""")!;

    [Theory]
    [InlineData("""[{"op":"add","path":"/a/d","value":4}]""", """{"a":{"b":1,"c":[1,2,3],"d":4},"x/y":{"~t":true}}""")]
    [InlineData("""[{"op":"add","path":"/a/c/1","value":9}]""", """{"a":{"b":1,"c":[1,9,2,3]},"x/y":{"~t":true}}""")]
    [InlineData("""[{"op":"add","path":"/a/c/-","value":9}]""", """{"a":{"b":1,"c":[1,2,3,9]},"x/y":{"~t":true}}""")]
    [InlineData("""[{"op":"remove","path":"/a/c/0"}]""", """{"a":{"b":1,"c":[2,3]},"x/y":{"~t":true}}""")]
    [InlineData("""[{"op":"replace","path":"/a/b","value":"z"}]""", """{"a":{"b":"z","c":[1,2,3]},"x/y":{"~t":true}}""")]
    [InlineData("""[{"op":"move","from":"/a/b","path":"/b"}]""", """{"a":{"c":[1,2,3]},"x/y":{"~t":true},"b":1}""")]
    [InlineData("""[{"op":"copy","from":"/a/c","path":"/d"}]""", """{"a":{"b":1,"c":[1,2,3]},"x/y":{"~t":true},"d":[1,2,3]}""")]
    [InlineData("""[{"op":"test","path":"/x~1y/~0t","value":true}]""", """{"a":{"b":1,"c":[1,2,3]},"x/y":{"~t":true}}""")]
    public void Apply_Operation_ProducesExpectedDocument(string patch, string expected)
    {
        var result = JsonPatchDocument.Apply(Document, JsonNode.Parse(patch));

        JsonNode.DeepEquals(result, JsonNode.Parse(expected)).Should().BeTrue(result.ToJsonString());
    }

    [Theory]
    [InlineData("""[{"op":"test","path":"/a/b","value":2}]""", 422)]
    [InlineData("""[{"op":"remove","path":"/a/none"}]""", 422)]
    [InlineData("""[{"op":"replace","path":"/a/c/7","value":1}]""", 422)]
    [InlineData("""[{"op":"add","path":"/none/deeper","value":1}]""", 422)]
    [InlineData("""[{"op":"jump","path":"/a"}]""", 400)]
    [InlineData("""[{"op":"add","path":"a","value":1}]""", 400)]
    [InlineData("""[{"op":"add","path":"/a/z"}]""", 400)]
    [InlineData("""{"op":"add"}""", 400)]
    public void Apply_InvalidPatch_Throws(string patch, int code)
    {
        var apply = () => JsonPatchDocument.Apply(Document, JsonNode.Parse(patch));

        apply.Should().Throw<ApiException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void Apply_FailingSecondOperation_LeavesInputUnchanged()
    {
        var input = JsonNode.Parse("""{"a":1}""")!;

        var apply = () => JsonPatchDocument.Apply(input, JsonNode.Parse("""[{"op":"add","path":"/b","value":2},{"op":"remove","path":"/c"}]"""));

        apply.Should().Throw<ApiException>();
        input.ToJsonString().Should().Be("""{"a":1}""");
    }
}
