using System.Text.Json.Nodes;
using Gbctl.Apply;

namespace Gbctl.Tests.Apply;

public sealed class LastAppliedConfigurationTests
{
    [Fact]
    public void Annotate_Manifest_StoresSortedCompactJsonWithNewline()
    {
        var manifest = (JsonObject)JsonNode.Parse("""{"kind":"BotCluster","metadata":{"name":"web","namespace":"default"},"apiVersion":"generalbots.ai/v1alpha1"}""")!;

        var annotated = LastAppliedConfiguration.Annotate(manifest);

        var stored = (string?)annotated["metadata"]!["annotations"]![LastAppliedConfiguration.AnnotationKey];
        stored.Should().Be(
            """{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{"annotations":{},"name":"web","namespace":"default"}}""" + "\n");
    }

    [Fact]
    public void Annotate_AlreadyAnnotated_DoesNotNest()
    {
        var manifest = (JsonObject)JsonNode.Parse("""{"metadata":{"name":"web","annotations":{"team":"bots"}}}""")!;
        var once = LastAppliedConfiguration.Annotate(manifest);

        var twice = LastAppliedConfiguration.Annotate(once);

        JsonNode.DeepEquals(once, twice).Should().BeTrue();
    }

    [Fact]
    public void Read_AnnotatedObject_ReturnsManifest()
    {
        var manifest = (JsonObject)JsonNode.Parse("""{"metadata":{"name":"web"},"spec":{"replicas":2}}""")!;
        var annotated = LastAppliedConfiguration.Annotate(manifest);

        var read = LastAppliedConfiguration.Read(annotated);

        read!["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public void Read_NoAnnotation_ReturnsNull()
    {
        var live = (JsonObject)JsonNode.Parse("""{"metadata":{"name":"web"}}""")!;

        var read = LastAppliedConfiguration.Read(live);

        read.Should().BeNull();
    }
}
