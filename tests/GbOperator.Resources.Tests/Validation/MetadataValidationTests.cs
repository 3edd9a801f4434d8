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
}
