using System.Text.Json.Nodes;
using GbOperator.ApiServer.FieldManagement;

namespace GbOperator.ApiServer.Tests.FieldManagement;

public sealed class FieldSetTests
{
    [Fact]
    public void Leaves_SkipsUntrackedMetadata()
    {
        var json = JsonNode.Parse("""
            {"apiVersion":"v","kind":"K",
             "metadata":{"name":"n","uid":"u","labels":{"a":"1"},"annotations":{"b":"2"}},
             "spec":{"image":"i","env":{},"routing":{"paths":[{"path":"/"}]}},
             "status":{"replicas":1}}
            """)!.AsObject();

        var paths = FieldSet.Leaves(json).Keys.Select(path => path.ToString()).Order(StringComparer.Ordinal).ToList();

        paths.Should().Equal(".metadata.annotations.b", ".metadata.labels.a", ".spec.env", ".spec.image", ".spec.routing.paths", ".status.replicas");
    }

    [Fact]
    public void FieldsV1_RoundTrip_KeepsPaths()
    {
        var paths = new[]
        {
            new FieldPath(["spec", "replicas"]),
            new FieldPath(["spec", "env", "A.B"]),
            new FieldPath(["metadata", "labels", "app.kubernetes.io/name"]),
        };

        var encoded = FieldSet.ToFieldsV1(paths);
        var decoded = FieldSet.FromFieldsV1(encoded);

        encoded.ToJsonString().Should().Be("""{"f:metadata":{"f:labels":{"f:app.kubernetes.io/name":{}}},"f:spec":{"f:env":{"f:A.B":{}},"f:replicas":{}}}""");
        decoded.Should().BeEquivalentTo(paths);
    }

    [Fact]
    public void Changed_ReportsAddedRemovedAndModified()
    {
        var before = JsonNode.Parse("""{"spec":{"image":"a","replicas":1,"port":80}}""")!.AsObject();
        var after = JsonNode.Parse("""{"spec":{"image":"b","replicas":1,"drainTimeout":"5s"}}""")!.AsObject();

        var changed = FieldSet.Changed(before, after).Select(path => path.ToString()).Order(StringComparer.Ordinal);

        changed.Should().Equal(".spec.drainTimeout", ".spec.image", ".spec.port");
    }

    [Fact]
    public void Overlaps_PrefixAndEqual_ButNotSibling()
    {
        var spec = new FieldPath(["spec"]);
        var replicas = new FieldPath(["spec", "replicas"]);
        var image = new FieldPath(["spec", "image"]);

        spec.Overlaps(replicas).Should().BeTrue();
        replicas.Overlaps(spec).Should().BeTrue();
        replicas.Overlaps(new FieldPath(["spec", "replicas"])).Should().BeTrue();
        replicas.Overlaps(image).Should().BeFalse();
    }
}
