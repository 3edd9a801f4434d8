using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class DescribeCommandTests : ServerTest
{
    [Fact]
    public async Task Describe_BotCluster_PrintsMetadataAndSpec()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("describe", "bc", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().StartWith("Name:         demo\nNamespace:    default\nLabels:       app.kubernetes.io/name=botserver\nAnnotations:  <none>\n");
        result.Output.Should().Contain("Kind:         BotCluster\n");
        result.Output.Should().Contain("\nSpec:\n");
        result.Output.Should().MatchRegex(@"\n  Replicas: +3\n");
        result.Output.Should().NotContain("last-applied-configuration");
    }

    [Fact]
    public async Task Describe_BotClusterWithEvents_PrintsEventsSection()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        using var client = new HttpClient { BaseAddress = new Uri(Server.Address) };
        var cluster = await client.GetFromJsonAsync<JsonObject>("/apis/generalbots.ai/v1alpha1/namespaces/default/botclusters/demo");
        var uid = cluster!["metadata"]!["uid"]!.GetValue<string>();
        await PostEventAsync(client, "demo.1", uid, "Normal", "InstanceCreated", "Created instance demo-abc", count: 1);
        await PostEventAsync(client, "demo.2", uid, "Warning", "InstanceUnhealthy", "Instance demo-abc failed its health check", count: 3);
        await PostEventAsync(client, "demo.3", "another-uid", "Normal", "InstanceCreated", "Event of an earlier cluster named demo", count: 1);

        var result = await Server.RunAsync("describe", "bc", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("\nEvents:\n");
        result.Output.Should().MatchRegex(@"\n  Type +Reason +Age +From +Message\n  ---- +------ +---- +---- +-------\n");
        result.Output.Should().MatchRegex(@"\n  Normal +InstanceCreated +\S+ +gb-operator +Created instance demo-abc\n");
        result.Output.Should().MatchRegex(@"\n  Warning +InstanceUnhealthy +\S+ \(x3 over \S+\) +gb-operator +Instance demo-abc failed its health check\n");
        result.Output.Should().NotContain("earlier cluster");
    }

    [Fact]
    public async Task Describe_AutoscaledBotCluster_PrintsMetricsAndDecision()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        using var client = new HttpClient { BaseAddress = new Uri(Server.Address) };
        const string path = "/apis/generalbots.ai/v1alpha1/namespaces/default/botclusters/demo";
        var cluster = await client.GetFromJsonAsync<JsonObject>(path);
        cluster!["status"] = JsonNode.Parse("""
            {
              "conditions": [{ "type": "MaxInstancesReached", "status": "True", "reason": "ScaleUpBlocked", "lastTransitionTime": "2026-01-01T00:00:00Z",
                               "message": "Not scaling up: cpu 91.5% above cpuThreshold 70%, but the cluster already has maxInstances 5." }],
              "autoscaling": {
                "currentMetrics": { "sampledAt": "2026-01-01T00:00:00Z", "instances": 5, "cpuPercent": 91.5, "requestsPerMinute": 1200 },
                "missingMetrics": [],
                "desiredReplicas": 5,
                "lastScaleTime": "2025-12-31T23:58:00Z",
                "nextScaleTime": "2026-01-01T00:03:00Z",
                "lastDecision": "Not scaling up: cpu 91.5% above cpuThreshold 70%, but the cluster already has maxInstances 5."
              }
            }
            """);
        using var update = await client.PutAsJsonAsync(path + "/status", cluster);
        update.EnsureSuccessStatusCode();

        var result = await Server.RunAsync("describe", "bc", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("\n  Autoscaling:\n    Current Metrics:\n");
        result.Output.Should().MatchRegex(@"\n      CPU Percent: +91.5\n");
        result.Output.Should().MatchRegex(@"\n      Requests Per Minute: +1200\n");
        result.Output.Should().MatchRegex(@"\n    Last Scale Time: +2025-12-31T23:58:00Z\n");
        result.Output.Should().MatchRegex(@"\n    Next Scale Time: +2026-01-01T00:03:00Z\n");
        result.Output.Should().MatchRegex(@"\n    Last Decision: +Not scaling up: cpu 91.5% above cpuThreshold 70%");
        result.Output.Should().MatchRegex(@"\n    MaxInstancesReached +True +ScaleUpBlocked ");
    }

    [Fact]
    public async Task GetEvents_Namespace_PrintsKubectlColumns()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        using var client = new HttpClient { BaseAddress = new Uri(Server.Address) };
        await PostEventAsync(client, "demo.1", "uid-1", "Normal", "InstanceReady", "Instance demo-abc receives traffic", count: 1);
        await PostEventAsync(client, "demo.2", "uid-1", "Warning", "LimitsNotApplied", "Instance demo-abc runs without a disk priority", count: 1);

        var all = await Server.RunAsync("get", "events");
        var warnings = await Server.RunAsync("get", "ev", "--field-selector", "type=Warning");
        var everywhere = await Server.RunAsync("get", "events", "-A");

        all.ExitCode.Should().Be(0, all.ToString());
        all.Output.Should().MatchRegex(@"^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n");
        all.Output.Should().MatchRegex(@"\n\S+ +Normal +InstanceReady +botcluster/demo +Instance demo-abc receives traffic\n");
        warnings.ExitCode.Should().Be(0, warnings.ToString());
        warnings.Output.Should().Contain("LimitsNotApplied");
        warnings.Output.Should().NotContain("InstanceReady");
        everywhere.Output.Should().MatchRegex(@"^NAMESPACE +LAST SEEN +TYPE");
        everywhere.Output.Should().MatchRegex(@"\ndefault +\S+ +Warning +LimitsNotApplied");
    }

    [Fact]
    public async Task Describe_MissingObject_ReportsNotFound()
    {
        var result = await Server.RunAsync("describe", "fp", "ghost");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("Error from server (NotFound): ");
    }

    private static async Task PostEventAsync(HttpClient client, string name, string uid, string type, string reason, string message, int count)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["involvedObject"] = new JsonObject { ["apiVersion"] = "generalbots.ai/v1alpha1", ["kind"] = "BotCluster", ["name"] = "demo", ["namespace"] = "default", ["uid"] = uid },
            ["type"] = type,
            ["reason"] = reason,
            ["message"] = message,
            ["count"] = count,
            ["firstTimestamp"] = DateTimeOffset.UtcNow.AddMinutes(-count).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["lastTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["source"] = new JsonObject { ["component"] = "gb-operator" },
        };
        using var response = await client.PostAsJsonAsync($"/api/v1/namespaces/default/events", body);
        response.EnsureSuccessStatusCode();
    }
}
