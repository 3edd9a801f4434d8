using GbOperator.Benchmarks.Cases.Failover;

namespace GbOperator.Benchmarks.Tests.Cases;

public sealed class PatroniExportsTests
{
    private const string ScriptOutput = """
        export GBO_PATRONI_ENDPOINTS=http://127.0.0.1:49149,http://127.0.0.1:49300
        export GBO_PATRONI_SCOPE=gbo-pg
        export GBO_PATRONI_NAMESPACE=/service/
        export GBO_PATRONI_ETCD=127.0.0.1:20450

        """;

    [Fact]
    public void Parse_ScriptOutput_ReadsEverySetting()
    {
        var exports = PatroniExports.Parse(ScriptOutput);

        exports.Endpoints.Should().Equal(new Uri("http://127.0.0.1:49149/"), new Uri("http://127.0.0.1:49300/"));
        exports.Scope.Should().Be("gbo-pg");
        exports.Namespace.Should().Be("/service/");
        exports.Etcd.Should().Be("127.0.0.1:20450");
    }

    [Fact]
    public void LeaderKey_NamespaceAndScope_Joined()
    {
        PatroniExports.Parse(ScriptOutput).LeaderKey.Should().Be("/service/gbo-pg/leader");
    }

    [Fact]
    public void Parse_QuotedValueAndLogLine_Unquoted()
    {
        var exports = PatroniExports.Parse("""
            patroni: member pg0 runs
            export GBO_PATRONI_ENDPOINTS=http://127.0.0.1:1/
            export GBO_PATRONI_SCOPE='my-scope'
            export GBO_PATRONI_NAMESPACE=/ns
            export GBO_PATRONI_ETCD=127.0.0.1:2
            """);

        exports.Scope.Should().Be("my-scope");
        exports.Endpoints.Should().Equal(new Uri("http://127.0.0.1:1/"));
        exports.LeaderKey.Should().Be("/ns/my-scope/leader");
    }

    [Fact]
    public void Parse_MissingVariable_Throws()
    {
        var act = () => PatroniExports.Parse(ScriptOutput.Replace("export GBO_PATRONI_ETCD=127.0.0.1:20450", "", StringComparison.Ordinal));

        act.Should().Throw<FormatException>().WithMessage("*GBO_PATRONI_ETCD*");
    }

    [Fact]
    public void Parse_RelativeEndpoint_Throws()
    {
        var act = () => PatroniExports.Parse(ScriptOutput.Replace("http://127.0.0.1:49300", "127.0.0.1:49300", StringComparison.Ordinal));

        act.Should().Throw<FormatException>().WithMessage("Invalid endpoint '127.0.0.1:49300'*absolute URL*");
    }
}
