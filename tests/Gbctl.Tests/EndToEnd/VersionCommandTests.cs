using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class VersionCommandTests : ServerTest
{
    [Fact]
    public async Task Version_WithServer_PrintsBothVersions()
    {
        var result = await Server.RunAsync("version");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().MatchRegex(@"^Client Version: v\d+\.\d+\.\d+\nServer Version: v\d+\.\d+\.\d+\S*\n$");
    }
}
