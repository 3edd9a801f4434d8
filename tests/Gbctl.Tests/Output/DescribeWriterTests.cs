using Gbctl.Output;

namespace Gbctl.Tests.Output;

public sealed class DescribeWriterTests
{
    [Theory]
    [InlineData("creationTimestamp", "Creation Timestamp")]
    [InlineData("uid", "UID")]
    [InlineData("maxLagOnFailover", "Max Lag On Failover")]
    [InlineData("fallbackLlmMode", "Fallback LLM Mode")]
    [InlineData("healthCheckURL", "Health Check URL")]
    [InlineData("LOAD_ONLY", "LOAD_ONLY")]
    [InlineData("app.kubernetes.io/name", "app.kubernetes.io/name")]
    public void Label_FieldName_SplitsCamelCase(string key, string expected)
    {
        var label = DescribeWriter.Label(key);

        label.Should().Be(expected);
    }
}
