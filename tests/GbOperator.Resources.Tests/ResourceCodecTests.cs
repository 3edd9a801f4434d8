using System.Text.Json.Nodes;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using GbOperator.Resources.ShardMaps;
using k8s.Models;

namespace GbOperator.Resources.Tests;

public class ResourceCodecTests
{
    private const string Header = """{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{"name":"demo","namespace":"default"}""";

    private static string WithSpec(string spec) => Header + ",\"spec\":" + spec + "}";

    [Fact]
    public void Decode_MinimalBotCluster_FillsDefaults()
    {
        var result = ResourceCodec.Decode(WithSpec("""{"image":"botserver-standin"}"""));

        var cluster = result.Resource.Should().BeOfType<BotCluster>().Subject;
        cluster.Spec.Replicas.Should().Be(1);
        cluster.Spec.Port.Should().Be(8080);
        cluster.Spec.Autoscaling.MaxInstances.Should().Be(10);
        cluster.Spec.Autoscaling.Cooldown.Should().Be("5m");
        cluster.Spec.HealthCheck.Path.Should().Be("/api/health");
        cluster.Spec.Routing.Routes.Should().HaveCount(3);
        cluster.Spec.Routing.RateLimit.Endpoints.Auth.Should().Be(10);
        cluster.Status.Should().BeNull();
    }

    [Fact]
    public void Decode_AbsentSpec_FillsDefaultSpec()
    {
        var result = ResourceCodec.Decode("""{"apiVersion":"generalbots.ai/v1alpha1","kind":"ShardMap","metadata":{"name":"m"}}""");

        var map = result.Resource.Should().BeOfType<ShardMap>().Subject;
        map.Spec.Strategy.Should().Be(ShardingStrategy.Tenant);
        map.Spec.Qdrant.WriteConsistency.Should().Be("majority");
    }

    [Theory]
    [InlineData("BotCluster", typeof(BotCluster))]
    [InlineData("ShardMap", typeof(ShardMap))]
    [InlineData("FailoverPolicy", typeof(FailoverPolicy))]
    public void EncodeThenDecode_DefaultObject_RoundTrips(string kind, Type type)
    {
        var original = ResourceCodec.Decode("{\"apiVersion\":\"generalbots.ai/v1alpha1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"x\"}}").Resource!;

        var encoded = ResourceCodec.Encode(original);
        var decoded = ResourceCodec.Decode(JsonNode.Parse(encoded.ToJsonString())!.AsObject());

        decoded.Resource.Should().BeOfType(type);
        JsonNode.DeepEquals(ResourceCodec.Encode(decoded.Resource!), encoded).Should().BeTrue();
    }

    [Fact]
    public void Encode_DefaultSpec_WritesDefaultsAndOmitsNulls()
    {
        var cluster = new BotCluster { Metadata = new V1ObjectMeta { Name = "demo" }, Spec = new BotClusterSpec { Image = "img" } };

        var json = ResourceCodec.Encode(cluster);

        json["spec"]!["autoscaling"]!["minInstances"]!.GetValue<int>().Should().Be(1);
        json["spec"]!["healthCheck"]!["interval"]!.GetValue<string>().Should().Be("10s");
        json["spec"]!.AsObject().ContainsKey("failoverPolicyRef").Should().BeFalse();
        json.ContainsKey("status").Should().BeFalse();
        json["metadata"]!.AsObject().ContainsKey("labels").Should().BeFalse();
    }

    [Fact]
    public void Encode_Always_WritesTypeMetaFirst()
    {
        var json = ResourceCodec.Encode(new FailoverPolicy { Metadata = new V1ObjectMeta { Name = "fp" } });

        json.Select(pair => pair.Key).Should().Equal("apiVersion", "kind", "metadata", "spec");
        json["kind"]!.GetValue<string>().Should().Be("FailoverPolicy");
        json["apiVersion"]!.GetValue<string>().Should().Be("generalbots.ai/v1alpha1");
    }

    [Fact]
    public void Encode_Timestamps_WritesRfc3339UtcSeconds()
    {
        var local = new DateTimeOffset(2026, 1, 31, 14, 30, 15, 789, TimeSpan.FromHours(2));
        var cluster = new BotCluster
        {
            Metadata = new V1ObjectMeta { Name = "demo", CreationTimestamp = local.UtcDateTime },
            Status = new BotClusterStatus
            {
                Conditions = [new V1Condition { Type = "Ready", Status = "True", Reason = "Available", Message = "", LastTransitionTime = new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc) }],
            },
        };

        var json = ResourceCodec.Encode(cluster);

        json["metadata"]!["creationTimestamp"]!.GetValue<string>().Should().Be("2026-01-31T12:30:15Z");
        json["status"]!["conditions"]![0]!["lastTransitionTime"]!.GetValue<string>().Should().Be("2026-02-01T08:00:00Z");
    }

    [Fact]
    public void Decode_TimestampWithOffset_ConvertsToUtc()
    {
        var result = ResourceCodec.Decode("""{"apiVersion":"generalbots.ai/v1alpha1","kind":"ShardMap","metadata":{"name":"m","creationTimestamp":"2026-01-31T14:30:15+02:00"}}""");

        var created = result.Resource!.Metadata.CreationTimestamp!.Value;
        created.Kind.Should().Be(DateTimeKind.Utc);
        created.Should().Be(new DateTime(2026, 1, 31, 12, 30, 15, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("""{"image":"x","replicaz":3}""", "spec.replicaz")]
    [InlineData("""{"image":"x","autoscaling":{"maxinstances":3}}""", "spec.autoscaling.maxinstances")]
    [InlineData("""{"image":"x","routing":{"routes":[{"path":"/a"},{"path":"/b","weight":2}]}}""", "spec.routing.routes[1].weight")]
    public void Decode_UnknownField_ReportsUnknownWithPath(string spec, string field)
    {
        var result = ResourceCodec.Decode(WithSpec(spec));

        result.Succeeded.Should().BeFalse();
        result.Violations.Should().ContainSingle().Which.Should().Match<FieldViolation>(v => v.Field == field && v.Type == FieldViolationType.Unknown);
    }

    [Fact]
    public void Decode_UnknownTopLevelField_ReportsUnknown()
    {
        var result = ResourceCodec.Decode(Header + ""","spec":{},"extra":1}""");

        result.Violations.Should().ContainSingle().Which.Should().Be(
            new FieldViolation("extra", FieldViolationType.Unknown, "unknown field \"extra\": remove it or check its spelling and case"));
    }

    [Theory]
    [InlineData("""{"replicas":2147483648}""", "spec.replicas", "invalid value 2147483648: must be between 0 and 100")]
    [InlineData("""{"replicas":-99999999999}""", "spec.replicas", "invalid value -99999999999: must be between 0 and 100")]
    [InlineData("""{"healthCheck":{"retries":99999999999}}""", "spec.healthCheck.retries", "out of range for a 32-bit integer")]
    public void Decode_IntegerOutOfRange_ReportsRange(string spec, string field, string message)
    {
        var result = ResourceCodec.Decode(WithSpec(spec));

        var violation = result.Violations.Should().ContainSingle().Subject;
        violation.Field.Should().Be(field);
        violation.Type.Should().Be(FieldViolationType.Invalid);
        violation.Message.Should().Contain(message);
        violation.Message.Should().NotContain("must be an integer");
    }

    [Theory]
    [InlineData("""{"drainTimeout":30}""", "spec.drainTimeout", "such as \"30s\"")]
    [InlineData("""{"autoscaling":{"cooldown":5}}""", "spec.autoscaling.cooldown", "such as \"5s\"")]
    public void Decode_DurationAsNumber_HintsAtUnit(string spec, string field, string hint)
    {
        var result = ResourceCodec.Decode(WithSpec(spec));

        var violation = result.Violations.Should().ContainSingle().Subject;
        violation.Field.Should().Be(field);
        violation.Type.Should().Be(FieldViolationType.TypeInvalid);
        violation.Message.Should().Contain("a duration must be a string with a unit");
        violation.Message.Should().Contain(hint);
    }

    [Theory]
    [InlineData("""{"replicas":"3"}""", "spec.replicas", "must be an integer")]
    [InlineData("""{"replicas":3.5}""", "spec.replicas", "must be an integer")]
    [InlineData("""{"image":7}""", "spec.image", "must be a string")]
    [InlineData("""{"autoscaling":{"enabled":"yes"}}""", "spec.autoscaling.enabled", "must be true or false")]
    [InlineData("""{"routing":{"routes":{"path":"/"}}}""", "spec.routing.routes", "must be an array")]
    [InlineData("""{"env":{"A":1}}""", "spec.env.A", "must be a string")]
    [InlineData("""{"limits":[]}""", "spec.limits", "must be an object")]
    [InlineData("""{"image":null}""", "spec.image", "must not be null")]
    [InlineData("""{"healthCheck":null}""", "spec.healthCheck", "must not be null")]
    [InlineData("""{"routing":{"compression":["gzip",null]}}""", "spec.routing.compression[1]", "must not be null")]
    [InlineData("""{"routing":{"routes":[null]}}""", "spec.routing.routes[0]", "must not be null")]
    [InlineData("""{"env":{"A":null}}""", "spec.env.A", "must not be null")]
    public void Decode_WrongType_ReportsTypeInvalidWithPath(string spec, string field, string message)
    {
        var result = ResourceCodec.Decode(WithSpec(spec));

        var violation = result.Violations.Should().ContainSingle().Subject;
        violation.Field.Should().Be(field);
        violation.Type.Should().Be(FieldViolationType.TypeInvalid);
        violation.Message.Should().Contain(message);
    }

    [Fact]
    public void Decode_WrongTypeInMetadata_ReportsMetadataPath()
    {
        var result = ResourceCodec.Decode("""{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{"name":"a","labels":{"tier":1}}}""");

        result.Violations.Should().ContainSingle().Which.Field.Should().Be("metadata.labels.tier");
    }

    [Theory]
    [InlineData("spec", "null")]
    [InlineData("spec", "[]")]
    [InlineData("metadata", "\"name\"")]
    public void Decode_SectionNotObject_ReportsTypeInvalid(string section, string value)
    {
        var json = section == "spec"
            ? WithSpec(value)
            : $$"""{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{{value}}}""";

        var result = ResourceCodec.Decode(json);

        result.Violations.Should().ContainSingle().Which.Should().Match<FieldViolation>(v => v.Field == section && v.Type == FieldViolationType.TypeInvalid);
    }

    [Theory]
    [InlineData("""{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","kind":"ShardMap"}""", "kind")]
    [InlineData(Header + ""","spec":{"image":"a","image":"b"}}""", "spec.image")]
    [InlineData(Header + ""","spec":{"routing":{"routes":[{"path":"/a"},{"path":"/b","path":"/c"}]}}}""", "spec.routing.routes[1].path")]
    public void Decode_DuplicateJsonKey_ReportsDuplicateWithPath(string json, string field)
    {
        var result = ResourceCodec.Decode(json);

        result.Violations.Should().ContainSingle().Which.Should().Match<FieldViolation>(v => v.Field == field && v.Type == FieldViolationType.Duplicate);
    }

    [Theory]
    [InlineData("""{"kind":"BotCluster","metadata":{"name":"a"}}""", "apiVersion", FieldViolationType.Required)]
    [InlineData("""{"apiVersion":"generalbots.ai/v1","kind":"BotCluster"}""", "apiVersion", FieldViolationType.NotSupported)]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment"}""", "apiVersion", FieldViolationType.NotSupported)]
    [InlineData("""{"apiVersion":1,"kind":"BotCluster"}""", "apiVersion", FieldViolationType.TypeInvalid)]
    [InlineData("""{"apiVersion":"generalbots.ai/v1alpha1"}""", "kind", FieldViolationType.Required)]
    [InlineData("""{"apiVersion":"generalbots.ai/v1alpha1","kind":"botcluster"}""", "kind", FieldViolationType.NotSupported)]
    [InlineData("""{"apiVersion":"generalbots.ai/v1alpha1","kind":""}""", "kind", FieldViolationType.Required)]
    public void Decode_BadTypeMeta_ReportsViolation(string json, string field, string type)
    {
        var result = ResourceCodec.Decode(json);

        result.Succeeded.Should().BeFalse();
        result.Violations.Should().Contain(v => v.Field == field && v.Type == type);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("")]
    [InlineData("{\"a\":}")]
    public void Decode_MalformedText_ReportsViolationWithoutThrowing(string json)
    {
        var act = () => ResourceCodec.Decode(json);

        act.Should().NotThrow().Which.Succeeded.Should().BeFalse();
    }

    [Fact]
    public void Decode_RangeWithOpenEnd_KeepsNullEnd()
    {
        var result = ResourceCodec.Decode("""{"apiVersion":"generalbots.ai/v1alpha1","kind":"ShardMap","metadata":{"name":"m"},"spec":{"range":{"ranges":[{"start":5,"shard":"s"}]}}}""");

        var range = ((ShardMap)result.Resource!).Spec.Range.Ranges.Single();
        range.End.Should().BeNull();
        range.IsOpenEnded.Should().BeTrue();
    }

    [Fact]
    public void EncodeThenDecode_FullMetadata_RoundTrips()
    {
        const string json = """
            {"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{
              "annotations":{"note":"x"},"creationTimestamp":"2026-01-31T12:00:00Z","deletionGracePeriodSeconds":30,
              "deletionTimestamp":"2026-02-01T00:00:00Z","finalizers":["generalbots.ai/cleanup"],"generation":4,
              "labels":{"app":"bot"},
              "managedFields":[{"apiVersion":"generalbots.ai/v1alpha1","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}},"manager":"gbctl","operation":"Apply","time":"2026-01-31T12:00:00Z"}],
              "name":"demo","namespace":"default",
              "ownerReferences":[{"apiVersion":"v1","kind":"Namespace","name":"default","uid":"u-1","controller":true}],
              "resourceVersion":"42","uid":"0b5b5f0e-0000-4000-8000-000000000001"},
             "spec":{"image":"img"}}
            """;

        var decoded = ResourceCodec.Decode(json);
        var encoded = ResourceCodec.Encode(decoded.Resource!);

        decoded.Violations.Should().BeEmpty();
        JsonNode.DeepEquals(encoded["metadata"], JsonNode.Parse(json)!["metadata"]).Should().BeTrue(encoded["metadata"]!.ToJsonString());
        decoded.Resource!.Metadata.Generation.Should().Be(4);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T00:00:00Z")]
    public void Decode_BadTimestamp_ReportsTypeInvalid(string time)
    {
        var result = ResourceCodec.Decode("{\"apiVersion\":\"generalbots.ai/v1alpha1\",\"kind\":\"ShardMap\",\"metadata\":{\"name\":\"m\",\"creationTimestamp\":\"" + time + "\"}}");

        var violation = result.Violations.Should().ContainSingle().Subject;
        violation.Field.Should().Be("metadata.creationTimestamp");
        violation.Type.Should().Be(FieldViolationType.TypeInvalid);
        violation.Message.Should().Contain("RFC 3339");
    }
}
