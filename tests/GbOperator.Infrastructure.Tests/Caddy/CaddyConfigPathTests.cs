using GbOperator.Infrastructure.Caddy;

namespace GbOperator.Infrastructure.Tests.Caddy;

public sealed class CaddyConfigPathTests
{
    [Theory]
    [InlineData("apps/http", "/config/apps/http")]
    [InlineData("/apps/http/servers/gb/", "/config/apps/http/servers/gb")]
    [InlineData("", "/config/")]
    public void Config_Path_BuildsRequestPath(string path, string expected)
    {
        CaddyConfigPath.Config(path).RequestPath.Should().Be(expected);
    }

    [Fact]
    public void Id_WithSubPath_BuildsRequestPath()
    {
        CaddyConfigPath.Id("route-bot-a", "handle/0/upstreams").RequestPath.Should().Be("/id/route-bot-a/handle/0/upstreams");
    }

    [Theory]
    [InlineData("apps/../admin")]
    [InlineData("./apps")]
    public void Config_DotSegment_Throws(string path)
    {
        Action build = () => CaddyConfigPath.Config(path);

        build.Should().Throw<ArgumentException>().WithMessage($"*'{path}'*");
    }

    [Fact]
    public void Id_WithSlash_Throws()
    {
        Action build = () => CaddyConfigPath.Id("a/b");

        build.Should().Throw<ArgumentException>().WithMessage("*'a/b'*");
    }
}
