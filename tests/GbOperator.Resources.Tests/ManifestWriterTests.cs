using System.Text.Json.Nodes;

namespace GbOperator.Resources.Tests;

public class ManifestWriterTests
{
    [Theory]
    [InlineData("""{"a":"true","b":"1","c":"","d":"null","e":"~","f":"1.5","g":"0x1F","h":"yes"}""")]
    [InlineData("""{"path":".status.conditions[?(@.type==\"Ready\")].status","glob":"/*","colon":"a: b","hash":"# x"}""")]
    [InlineData("""{"n":3,"f":1.25,"t":true,"z":null,"list":[1,"2",{"k":[]}],"empty":{}}""")]
    [InlineData("""{"multi":"line one\nline two","lead":" space","unicode":"ação"}""")]
    public void ToYamlThenRead_Object_RoundTrips(string json)
    {
        var original = JsonNode.Parse(json)!;

        var yaml = ManifestWriter.ToYaml(original);
        var read = ManifestReader.Read(yaml, "round-trip.yaml").Single().Object;

        JsonNode.DeepEquals(read, original).Should().BeTrue(yaml);
    }

    [Fact]
    public void ToYaml_EncodedResource_RoundTripsThroughCodec()
    {
        var cluster = ResourceCodec.Decode("""{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{"name":"demo"},"spec":{"image":"img"}}""").Resource!;
        var encoded = ResourceCodec.Encode(cluster);

        var read = ManifestReader.Read(ManifestWriter.ToYaml(encoded), "c.yaml").Single().Object;

        JsonNode.DeepEquals(ResourceCodec.Encode(ResourceCodec.Decode(read).Resource!), encoded).Should().BeTrue();
    }

    [Fact]
    public void ToYaml_SeveralDocuments_SeparatesWithMarker()
    {
        var yaml = ManifestWriter.ToYaml([JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("""{"b":2}""")]);

        ManifestReader.Read(yaml, "m.yaml").Select(m => m.Object.ToJsonString()).Should().Equal("""{"a":1}""", """{"b":2}""");
        yaml.Should().NotContain("...");
    }
}
