using System.Text.Json.Nodes;
using GbOperator.Controllers.FailoverPolicies;
using GbOperator.Tests.Failover;
using Gbctl.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gbctl.Tests.EndToEnd;

/// <summary><c>gbctl failover switchover</c> against the FailoverPolicy controller and a real Patroni cluster.</summary>
public sealed class FailoverCommandTests(PatroniSet patroni) : ServerTest, IClassFixture<PatroniSet>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Switchover_ToReplica_WaitsUntilPrimaryMoved()
    {
        await using var controller = await StartControllerAsync();
        await ApplyPolicyAsync("db");
        var before = await WaitForStatusAsync("db", status => status["primary"] is not null && Members(status).All(member => member["state"]!.ToString() == "running" && (member["role"]!.ToString() == "leader" || (long?)member["lag"] == 0)));
        string oldPrimary = before["primary"]!.ToString();
        string candidate = Members(before).Single(member => member["role"]!.ToString() != "leader")["name"]!.ToString();

        var result = await Server.RunAsync("failover", "switchover", "db", "--to", candidate);
        var after = await WaitForStatusAsync("db", status => status["primary"] is not null);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"primary moved from {oldPrimary} to {patroni.PostgresEndpoint(candidate)}");
        after["primary"]!.ToString().Should().Be(patroni.PostgresEndpoint(candidate));
    }

    [Fact]
    public async Task Switchover_ReferencingBotCluster_WaitsForItsEndpoints()
    {
        await using var controller = await StartControllerAsync();
        await ApplyPolicyAsync("db");
        var before = await WaitForStatusAsync("db", status => status["primary"] is not null && Members(status).All(member => member["state"]!.ToString() == "running" && (member["role"]!.ToString() == "leader" || (long?)member["lag"] == 0)));
        string candidate = Members(before).Single(member => member["role"]!.ToString() != "leader")["name"]!.ToString();
        string newPrimary = patroni.PostgresEndpoint(candidate);
        string cluster = Path.Combine(Server.Folder, "web.yaml");
        await File.WriteAllTextAsync(cluster, """
            apiVersion: generalbots.ai/v1alpha1
            kind: BotCluster
            metadata:
              name: web
            spec:
              image: botserver-standin
              failoverPolicyRef:
                name: db
            """);
        (await Server.RunAsync("apply", "-f", cluster)).ExitCode.Should().Be(0);

        var switchover = Server.RunAsync("failover", "switchover", "db", "--to", candidate);
        await WaitForStatusAsync("db", status => status["primary"]?.ToString() == newPrimary);
        switchover.IsCompleted.Should().BeFalse("gbctl waits for botcluster/web to follow");

        // No BotCluster controller runs here, so the test reports the re-pointing as that controller would.
        await WriteClusterEndpointsAsync("web", newPrimary);
        var result = await switchover;

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"botcluster.generalbots.ai/web database endpoint moved to {newPrimary}");
    }

    [Fact]
    public async Task Switchover_UnknownMember_ListsMembers()
    {
        await using var controller = await StartControllerAsync();
        await ApplyPolicyAsync("db");
        await WaitForStatusAsync("db", status => status["primary"] is not null);

        var result = await Server.RunAsync("failover", "switchover", "db", "--to", "ghost");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("--to 'ghost' is not a member of failoverpolicy/db; its members are: pg0, pg1");
    }

    [Fact]
    public async Task Switchover_NoPatroniEndpoints_NamesField()
    {
        await File.WriteAllTextAsync(Path.Combine(Server.Folder, "empty.yaml"), """
            apiVersion: generalbots.ai/v1alpha1
            kind: FailoverPolicy
            metadata:
              name: empty
            spec: {}
            """);
        await Server.RunAsync("apply", "-f", Path.Combine(Server.Folder, "empty.yaml"));

        var result = await Server.RunAsync("failover", "switchover", "empty");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("spec.patroni.endpoints");
    }

    [Fact]
    public async Task Switchover_InvalidTimeout_NamesOption()
    {
        var result = await Server.RunAsync("failover", "switchover", "db", "--timeout", "soon");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("invalid --timeout: invalid duration \"soon\"");
    }

    [Fact]
    public async Task Switchover_MissingPolicy_ReportsNotFound()
    {
        var result = await Server.RunAsync("failover", "switchover", "ghost");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("Error from server (NotFound): ");
    }

    private Task<FailoverPolicyControllerHost> StartControllerAsync() =>
        FailoverPolicyControllerHost.StartAsync(new Uri(Server.Address + "/"), NullLoggerFactory.Instance, CancellationToken.None);

    private async Task ApplyPolicyAsync(string name)
    {
        await patroni.StartAsync();
        string endpoints = string.Join(", ", patroni.Endpoints.Select(endpoint => endpoint.ToString().TrimEnd('/')));
        string file = Path.Combine(Server.Folder, $"{name}.yaml");
        await File.WriteAllTextAsync(file, $"""
            apiVersion: generalbots.ai/v1alpha1
            kind: FailoverPolicy
            metadata:
              name: {name}
            spec:
              patroni:
                scope: {patroni.Scope}
                namespace: {patroni.Namespace}
                endpoints: [{endpoints}]
                etcd: [{patroni.Etcd}]
              healthCheck:
                interval: 2s
                timeout: 2s
            """);
        var applied = await Server.RunAsync("apply", "-f", file);
        applied.ExitCode.Should().Be(0, applied.ToString());
    }

    private async Task<JsonObject> WaitForStatusAsync(string name, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var result = await Server.RunAsync("get", "fp", name, "-o", "json");
            var status = JsonNode.Parse(result.Output)?["status"] as JsonObject;
            if (status is not null && condition(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {Deadline} waiting for the status of failoverpolicy/{name}; last: {status?.ToJsonString() ?? "none"}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task WriteClusterEndpointsAsync(string name, string database)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.Address + "/") };
        string path = $"apis/generalbots.ai/v1alpha1/namespaces/default/botclusters/{name}/status";
        var cluster = JsonNode.Parse(await http.GetStringAsync(path))!.AsObject();
        cluster["status"] = new JsonObject
        {
            ["endpoints"] = new JsonObject { ["database"] = database, ["repointedAt"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) },
        };
        using var content = new StringContent(cluster.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(path, content);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<JsonObject> Members(JsonObject status) => (status["members"] as JsonArray ?? []).OfType<JsonObject>();
}
