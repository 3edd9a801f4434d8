using GbOperator.Controllers.Runtime;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class ApiServerHttpClientTests
{
    private static readonly string[] Names =
    [
        ApiServerHttpClient.BotClusterController,
        ApiServerHttpClient.Autoscaler,
        ApiServerHttpClient.ShardMapController,
        ApiServerHttpClient.FailoverPolicyController,
        ApiServerHttpClient.GitRepositoryController,
    ];

    public static TheoryData<string> Controllers() => new(Names);

    [Theory]
    [MemberData(nameof(Controllers))]
    public void Create_Controller_UserAgentNamesIt(string controller)
    {
        using var client = ApiServerHttpClient.Create(new Uri("http://127.0.0.1:6443"), controller);

        client.DefaultRequestHeaders.UserAgent.ToString().Should().Be(controller);
        client.BaseAddress.Should().Be(new Uri("http://127.0.0.1:6443"));
        client.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void Controllers_EachName_IsDistinct()
    {
        Names.Should().OnlyHaveUniqueItems();
    }
}
