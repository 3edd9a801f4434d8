using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Selectors;

namespace GbOperator.ApiServer.Tests.Selectors;

public sealed class LabelSelectorTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("tier=web", true)]
    [InlineData("tier = web", true)]
    [InlineData("tier==web", true)]
    [InlineData("tier!=web", false)]
    [InlineData("tier!=api", true)]
    [InlineData("tier in (api, web)", true)]
    [InlineData("tier in (api)", false)]
    [InlineData("tier notin (api)", true)]
    [InlineData("missing notin (api)", true)]
    [InlineData("missing!=x", true)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing", true)]
    [InlineData("app.kubernetes.io/name=bot", true)]
    [InlineData("tier=web,app.kubernetes.io/name in (bot,other),!missing", true)]
    [InlineData("tier=web,missing", false)]
    public void Matches_Selector_ReturnsExpected(string selector, bool expected)
    {
        var json = JsonNode.Parse("""{"metadata":{"labels":{"tier":"web","app.kubernetes.io/name":"bot"}}}""")!.AsObject();

        var matches = LabelSelector.Parse(selector).Matches(json);

        matches.Should().Be(expected);
    }

    [Theory]
    [InlineData("tier in (web")]
    [InlineData("ti er=web")]
    [InlineData("tier=we b")]
    [InlineData("=web")]
    [InlineData("tier=-web")]
    public void Parse_Malformed_ThrowsBadRequest(string selector)
    {
        var parse = () => LabelSelector.Parse(selector);

        parse.Should().Throw<ApiException>().Which.Code.Should().Be(400);
    }
}
