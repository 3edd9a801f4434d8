using k8s.Models;

namespace GbOperator.Resources.Tests.Validation;

public class MetadataValidationTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("a")]
    [InlineData("bot-1")]
    [InlineData("123-abc")]
    public void BotClusterName_Dns1123Label_IsValid(string name)
    {
        var cluster = ValidResources.BotCluster with { Metadata = new V1ObjectMeta { Name = name } };

        ResourceValidator.Validate(cluster).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Demo", FieldViolationType.Invalid)]
    [InlineData("demo_1", FieldViolationType.Invalid)]
    [InlineData("-demo", FieldViolationType.Invalid)]
    [InlineData("demo-", FieldViolationType.Invalid)]
    [InlineData("demo.eu", FieldViolationType.Invalid)]
    [InlineData("", FieldViolationType.Required)]
    [InlineData(null, FieldViolationType.Required)]
    public void BotClusterName_NotDns1123Label_IsRejected(string? name, string type)
    {
        var cluster = ValidResources.BotCluster with { Metadata = new V1ObjectMeta { Name = name } };

        var violation = ResourceValidator.Validate(cluster).Should().ContainSingle().Subject;

        violation.Field.Should().Be("metadata.name");
        violation.Type.Should().Be(type);
    }

    [Fact]
    public void BotClusterName_LongerThan63_IsTooLong()
    {
        var cluster = ValidResources.BotCluster with { Metadata = new V1ObjectMeta { Name = new string('a', 64) } };

        ResourceValidator.Validate(cluster).Should().ContainSingle().Which.Should().Be(
            new FieldViolation("metadata.name", FieldViolationType.TooLong, "must be no more than 63 characters"));
    }

    [Theory]
    [InlineData("demo.eu", true)]
    [InlineData("a.b-c.d", true)]
    [InlineData("demo..eu", false)]
    [InlineData("Demo.eu", false)]
    [InlineData("demo.", false)]
    public void ShardMapName_Dns1123Subdomain_IsChecked(string name, bool valid)
    {
        var map = ValidResources.ShardMap with { Metadata = new V1ObjectMeta { Name = name } };

        var violations = ResourceValidator.Validate(map);

        if (valid)
        {
            violations.Should().BeEmpty();
        }
        else
        {
            violations.Should().ContainSingle().Which.Message.Should().Contain("DNS-1123 subdomain");
        }
    }

    [Fact]
    public void ShardMapName_LongerThan253_IsTooLong()
    {
        var map = ValidResources.ShardMap with { Metadata = new V1ObjectMeta { Name = string.Join(".", Enumerable.Repeat(new string('a', 50), 6)) } };

        ResourceValidator.Validate(map).Should().ContainSingle().Which.Type.Should().Be(FieldViolationType.TooLong);
    }

    [Theory]
    [InlineData("default", true)]
    [InlineData("team-a", true)]
    [InlineData(null, true)]
    [InlineData("Team", false)]
    [InlineData("team.a", false)]
    [InlineData("team_a", false)]
    public void Namespace_Dns1123Label_IsChecked(string? @namespace, bool valid)
    {
        var policy = ValidResources.FailoverPolicy with { Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = @namespace } };

        var violations = ResourceValidator.Validate(policy);

        if (valid)
        {
            violations.Should().BeEmpty();
        }
        else
        {
            violations.Should().ContainSingle().Which.Field.Should().Be("metadata.namespace");
        }
    }

    [Fact]
    public void ApiVersion_Changed_IsNotSupported()
    {
        var cluster = ValidResources.BotCluster with { ApiVersion = "generalbots.ai/v1" };

        ResourceValidator.Validate(cluster).Should().ContainSingle().Which.Field.Should().Be("apiVersion");
    }

    [Theory]
    [InlineData("app", "demo")]
    [InlineData("app.kubernetes.io/name", "gb_1.0-x")]
    [InlineData("Tier", "")]
    [InlineData("example.com/My_Name.2", "Z")]
    public void Labels_QualifiedKeyAndValidValue_AreValid(string key, string value)
    {
        var cluster = WithLabels(key, value);

        ResourceValidator.Validate(cluster).Should().BeEmpty();
    }

    [Theory]
    [InlineData("bad label!", "x", "name part must consist of alphanumeric characters")]
    [InlineData("-app", "x", "name part must consist of alphanumeric characters")]
    [InlineData("app-", "x", "name part must consist of alphanumeric characters")]
    [InlineData("Example.com/app", "x", "prefix part must be a DNS-1123 subdomain")]
    [InlineData("/app", "x", "prefix part must be non-empty")]
    [InlineData("example.com/", "x", "name part must be non-empty")]
    [InlineData("a/b/c", "x", "a qualified name must be a name part with an optional DNS subdomain prefix")]
    [InlineData("app", "has spaces", "a valid label must be an empty string or consist of alphanumeric characters")]
    [InlineData("app", "-x", "a valid label must be an empty string or consist of alphanumeric characters")]
    public void Labels_InvalidKeyOrValue_AreRejected(string key, string value, string rule)
    {
        var cluster = WithLabels(key, value);

        var violation = ResourceValidator.Validate(cluster).Should().ContainSingle().Subject;

        violation.Field.Should().Be("metadata.labels");
        violation.Type.Should().Be(FieldViolationType.Invalid);
        violation.Message.Should().Contain(rule);
    }

    [Fact]
    public void LabelKey_NamePartLongerThan63_IsRejected()
    {
        var cluster = WithLabels(new string('a', 64), "x");

        var violation = ResourceValidator.Validate(cluster).Should().ContainSingle().Subject;

        violation.Field.Should().Be("metadata.labels");
        violation.Message.Should().Contain("name part must be no more than 63 characters");
    }

    [Fact]
    public void LabelKey_PrefixLongerThan253_IsRejected()
    {
        var prefix = string.Join(".", Enumerable.Repeat(new string('a', 50), 6));

        var violation = ResourceValidator.Validate(WithLabels(prefix + "/app", "x")).Should().ContainSingle().Subject;

        violation.Field.Should().Be("metadata.labels");
        violation.Message.Should().Contain("prefix part must be no more than 253 characters");
    }

    [Fact]
    public void LabelValue_LongerThan63_IsRejected()
    {
        var violations = ResourceValidator.Validate(WithLabels("app", new string('v', 63)));
        var tooLong = ResourceValidator.Validate(WithLabels("app", new string('v', 64)));

        violations.Should().BeEmpty();
        tooLong.Should().ContainSingle().Which.Message.Should().Contain("must be no more than 63 characters");
    }

    [Theory]
    [InlineData("bad key!!", false)]
    [InlineData("Example.COM/Owner", true)]
    [InlineData("gb/", false)]
    [InlineData("kubectl.kubernetes.io/last-applied-configuration", true)]
    public void AnnotationKey_QualifiedName_IsChecked(string key, bool valid)
    {
        var map = ValidResources.ShardMap with
        {
            Metadata = new V1ObjectMeta { Name = "demo", Annotations = new Dictionary<string, string> { [key] = "any value, with spaces!" } },
        };

        var violations = ResourceValidator.Validate(map);

        if (valid)
        {
            violations.Should().BeEmpty();
        }
        else
        {
            violations.Should().ContainSingle().Which.Field.Should().Be("metadata.annotations");
        }
    }

    [Fact]
    public void Annotations_LargerThan256KiB_AreTooLong()
    {
        var atLimit = new Dictionary<string, string> { ["a"] = new string('x', 256 * 1024 - 1) };
        var overLimit = new Dictionary<string, string> { ["a"] = new string('x', 256 * 1024 - 1), ["b"] = "" };

        var accepted = ResourceValidator.Validate(ValidResources.BotCluster with { Metadata = new V1ObjectMeta { Name = "demo", Annotations = atLimit } });
        var rejected = ResourceValidator.Validate(ValidResources.BotCluster with { Metadata = new V1ObjectMeta { Name = "demo", Annotations = overLimit } });

        accepted.Should().BeEmpty();
        var violation = rejected.Should().ContainSingle().Subject;
        violation.Field.Should().Be("metadata.annotations");
        violation.Type.Should().Be(FieldViolationType.TooLong);
        violation.Message.Should().Contain("must have at most 262144 bytes");
    }

    private static Resources.BotClusters.BotCluster WithLabels(string key, string value) =>
        ValidResources.BotCluster with
        {
            Metadata = new V1ObjectMeta { Name = "demo", Labels = new Dictionary<string, string> { [key] = value } },
        };
}
