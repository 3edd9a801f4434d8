using System.Text.Json.Nodes;
using Gbctl.Apply;

namespace Gbctl.Tests.Apply;

public sealed class ThreeWayMergePatchTests
{
    [Fact]
    public void Create_ServerDefaults_ReturnsEmptyPatch()
    {
        var manifest = Parse("""{"metadata":{"name":"web"},"spec":{"replicas":2,"routing":[{"path":"/"}]}}""");
        var live = Parse(
            """
            {"metadata":{"name":"web","uid":"u1","resourceVersion":"7","generation":1},
             "spec":{"replicas":2,"drainTimeout":"30s","routing":[{"path":"/","policy":"round_robin"}]},
             "status":{"observedGeneration":1}}
            """);

        var patch = ThreeWayMergePatch.Create(manifest, manifest, live);

        patch.Should().BeEmpty();
    }

    [Fact]
    public void Create_ChangedScalar_PatchesOnlyThatField()
    {
        var original = Parse("""{"spec":{"replicas":2,"image":"bot:1"}}""");
        var modified = Parse("""{"spec":{"replicas":3,"image":"bot:1"}}""");
        var live = Parse("""{"spec":{"replicas":2,"image":"bot:1","port":8080}}""");

        var patch = ThreeWayMergePatch.Create(original, modified, live);

        patch.ToJsonString().Should().Be("""{"spec":{"replicas":3}}""");
    }

    [Fact]
    public void Create_RemovedField_PatchesToNull()
    {
        var original = Parse("""{"spec":{"replicas":2,"image":"bot:1"}}""");
        var modified = Parse("""{"spec":{"image":"bot:1"}}""");
        var live = Parse("""{"spec":{"replicas":2,"image":"bot:1"}}""");

        var patch = ThreeWayMergePatch.Create(original, modified, live);

        patch.ToJsonString().Should().Be("""{"spec":{"replicas":null}}""");
    }

    [Fact]
    public void Create_FieldNeverApplied_LeavesItAlone()
    {
        var modified = Parse("""{"spec":{"image":"bot:1"}}""");
        var live = Parse("""{"spec":{"replicas":5,"image":"bot:1"}}""");

        var patch = ThreeWayMergePatch.Create(null, modified, live);

        patch.Should().BeEmpty();
    }

    [Fact]
    public void Create_ListElementChanged_ReplacesWholeList()
    {
        var original = Parse("""{"spec":{"shards":[{"name":"a"},{"name":"b"}]}}""");
        var modified = Parse("""{"spec":{"shards":[{"name":"a"},{"name":"c"}]}}""");
        var live = Parse("""{"spec":{"shards":[{"name":"a","weight":1},{"name":"b","weight":1}]}}""");

        var patch = ThreeWayMergePatch.Create(original, modified, live);

        patch.ToJsonString().Should().Be("""{"spec":{"shards":[{"name":"a"},{"name":"c"}]}}""");
    }

    [Fact]
    public void Create_ListElementFieldRemoved_ReplacesWholeList()
    {
        var original = Parse("""{"spec":{"shards":[{"name":"a","weight":2}]}}""");
        var modified = Parse("""{"spec":{"shards":[{"name":"a"}]}}""");
        var live = Parse("""{"spec":{"shards":[{"name":"a","weight":2}]}}""");

        var patch = ThreeWayMergePatch.Create(original, modified, live);

        patch.ToJsonString().Should().Be("""{"spec":{"shards":[{"name":"a"}]}}""");
    }

    [Fact]
    public void Create_ListLengthChanged_ReplacesWholeList()
    {
        var modified = Parse("""{"spec":{"hosts":["a","b"]}}""");
        var live = Parse("""{"spec":{"hosts":["a"]}}""");

        var patch = ThreeWayMergePatch.Create(modified, modified, live);

        patch.ToJsonString().Should().Be("""{"spec":{"hosts":["a","b"]}}""");
    }

    [Fact]
    public void Create_EmptyObject_ReturnsEmptyPatch()
    {
        var modified = Parse("""{"metadata":{"name":"web","labels":{}}}""");
        var live = Parse("""{"metadata":{"name":"web"}}""");

        var patch = ThreeWayMergePatch.Create(modified, modified, live);

        patch.Should().BeEmpty();
    }

    [Fact]
    public void Create_NewField_AddsIt()
    {
        var modified = Parse("""{"metadata":{"labels":{"tier":"web"}}}""");
        var live = Parse("""{"metadata":{"name":"web"}}""");

        var patch = ThreeWayMergePatch.Create(null, modified, live);

        patch.ToJsonString().Should().Be("""{"metadata":{"labels":{"tier":"web"}}}""");
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
