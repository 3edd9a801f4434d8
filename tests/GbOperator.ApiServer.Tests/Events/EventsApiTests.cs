using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Events;

public sealed class EventsApiTests(SqliteApiServerFixture server) : IClassFixture<SqliteApiServerFixture>
{
    private static string Events(string ns) => $"/api/v1/namespaces/{ns}/events";

    internal static JsonObject Event(string name, string involvedName, string reason, string type = "Normal", string uid = "uid-1") => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Event",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["involvedObject"] = new JsonObject
        {
            ["apiVersion"] = "generalbots.ai/v1alpha1",
            ["kind"] = "BotCluster",
            ["name"] = involvedName,
            ["uid"] = uid,
        },
        ["reason"] = reason,
        ["message"] = $"{reason} happened",
        ["type"] = type,
        ["source"] = new JsonObject { ["component"] = "gb-operator" },
    };

    [Fact]
    public async Task Create_NewEvent_FillsServerFields()
    {
        var ns = Manifests.UniqueNamespace();

        var response = await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceCreated"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Json["metadata"]!["namespace"]!.GetValue<string>().Should().Be(ns);
        response.Json["metadata"]!["uid"]!.GetValue<string>().Should().NotBeEmpty();
        response.ResourceVersion.Should().NotBeNullOrEmpty();
        response.Json["count"]!.GetValue<int>().Should().Be(1);
        response.Json["firstTimestamp"]!.GetValue<string>().Should().NotBeEmpty();
        response.Json["lastTimestamp"]!.GetValue<string>().Should().Be(response.Json["firstTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ExistingName_ReturnsAlreadyExists()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceCreated"));

        var response = await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceCreated"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Reason.Should().Be("AlreadyExists");
    }

    [Fact]
    public async Task Get_MissingEvent_ReturnsNotFound()
    {
        var response = await server.Client.GetJsonAsync(Events(Manifests.UniqueNamespace()) + "/missing");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Reason.Should().Be("NotFound");
    }

    [Theory]
    [InlineData("involvedObject.name=web", new[] { "web.1", "web.2" })]
    [InlineData("involvedObject.name=web,reason=InstanceReady", new[] { "web.2" })]
    [InlineData("involvedObject.uid=uid-2", new[] { "api.1" })]
    [InlineData("involvedObject.kind=BotCluster,type=Warning", new[] { "api.1" })]
    [InlineData("type!=Warning", new[] { "web.1", "web.2" })]
    [InlineData("involvedObject.namespace=elsewhere", new string[0])]
    public async Task List_FieldSelector_ReturnsMatchingEvents(string selector, string[] expected)
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceCreated"));
        await server.Client.PostJsonAsync(Events(ns), Event("web.2", "web", "InstanceReady"));
        await server.Client.PostJsonAsync(Events(ns), Event("api.1", "api", "LimitsNotApplied", "Warning", "uid-2"));

        var response = await server.Client.GetJsonAsync($"{Events(ns)}?fieldSelector={Uri.EscapeDataString(selector)}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("EventList");
        response.Json["items"]!.AsArray().Select(item => item!["metadata"]!["name"]!.GetValue<string>()).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task List_UnsupportedField_ReturnsBadRequest()
    {
        var response = await server.Client.GetJsonAsync($"{Events(Manifests.UniqueNamespace())}?fieldSelector=spec.replicas=1");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().Contain("spec.replicas");
    }

    [Fact]
    public async Task List_LimitAndContinue_ReturnsEveryEventOnce()
    {
        var ns = Manifests.UniqueNamespace();
        foreach (var name in new[] { "a.1", "a.2", "a.3" })
        {
            await server.Client.PostJsonAsync(Events(ns), Event(name, "a", "InstanceCreated"));
        }

        var first = await server.Client.GetJsonAsync($"{Events(ns)}?limit=2");
        var token = first.Json["metadata"]!["continue"]!.GetValue<string>();
        var second = await server.Client.GetJsonAsync($"{Events(ns)}?limit=2&continue={Uri.EscapeDataString(token)}");

        first.Json["items"]!.AsArray().Should().HaveCount(2);
        second.Json["items"]!.AsArray().Select(item => item!["metadata"]!["name"]!.GetValue<string>()).Should().Equal("a.3");
        second.Json["metadata"]!["continue"].Should().BeNull();
    }

    [Fact]
    public async Task List_AllNamespaces_ReturnsEventsOfEveryNamespace()
    {
        var first = Manifests.UniqueNamespace();
        var second = Manifests.UniqueNamespace();
        await server.Client.PostJsonAsync(Events(first), Event("x.1", "x-" + first, "InstanceCreated"));
        await server.Client.PostJsonAsync(Events(second), Event("x.1", "x-" + second, "InstanceCreated"));

        var response = await server.Client.GetJsonAsync("/api/v1/events");

        var namespaces = response.Json["items"]!.AsArray().Select(item => item!["metadata"]!["namespace"]!.GetValue<string>()).ToList();
        namespaces.Should().Contain(first);
        namespaces.Should().Contain(second);
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/strategic-merge-patch+json")]
    public async Task Patch_CountAndLastTimestamp_UpdatesEvent(string contentType)
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceUnhealthy"));
        var patch = new JsonObject { ["count"] = 2, ["lastTimestamp"] = "2030-01-01T00:00:00Z" };

        var patched = await server.Client.PatchAsync(Events(ns) + "/web.1", patch, contentType);
        var read = await server.Client.GetJsonAsync(Events(ns) + "/web.1");

        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Json["count"]!.GetValue<int>().Should().Be(2);
        read.Json["lastTimestamp"]!.GetValue<string>().Should().Be("2030-01-01T00:00:00Z");
        read.Json["firstTimestamp"]!.GetValue<string>().Should().Be(created.Json["firstTimestamp"]!.GetValue<string>());
        read.Json["metadata"]!["uid"]!.GetValue<string>().Should().Be(created.Json["metadata"]!["uid"]!.GetValue<string>());
        long.Parse(read.ResourceVersion!).Should().BeGreaterThan(long.Parse(created.ResourceVersion!));
    }

    [Fact]
    public async Task Update_StaleResourceVersion_ReturnsConflict()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceCreated"));
        await server.Client.PatchAsync(Events(ns) + "/web.1", new JsonObject { ["count"] = 2 }, "application/merge-patch+json");

        var response = await server.Client.PutJsonAsync(Events(ns) + "/web.1", created.Json);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Reason.Should().Be("Conflict");
    }

    [Fact]
    public async Task Delete_ExistingEvent_RemovesIt()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceCreated"));

        var deleted = await server.Client.DeleteObjectAsync(Events(ns) + "/web.1");
        var read = await server.Client.GetJsonAsync(Events(ns) + "/web.1");

        deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteCollection_FieldSelector_DeletesOnlyMatches()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceCreated"));
        await server.Client.PostJsonAsync(Events(ns), Event("api.1", "api", "InstanceCreated"));

        var response = await server.Client.SendTextAsync(HttpMethod.Delete, $"{Events(ns)}?fieldSelector=involvedObject.name%3Dweb", null, null);
        var remaining = await server.Client.GetJsonAsync(Events(ns));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        remaining.Json["items"]!.AsArray().Select(item => item!["metadata"]!["name"]!.GetValue<string>()).Should().Equal("api.1");
    }

    [Fact]
    public async Task Watch_FieldSelector_SendsAddedThenModified()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceCreated"));
        await using var watch = await WatchStream.OpenAsync(server.Client, $"{Events(ns)}?watch=true&fieldSelector=involvedObject.name%3Dweb");

        var initial = await watch.ReadNextAsync();
        await server.Client.PostJsonAsync(Events(ns), Event("api.1", "api", "InstanceCreated"));
        await server.Client.PatchAsync(Events(ns) + "/web.1", new JsonObject { ["count"] = 3 }, "application/merge-patch+json");
        var modified = await watch.ReadNextAsync();

        initial!.Type().Should().Be("ADDED");
        initial.ObjectName().Should().Be("web.1");
        modified!.Type().Should().Be("MODIFIED");
        modified.ObjectName().Should().Be("web.1");
        modified["object"]!["count"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Get_TableAccept_ReturnsKubectlColumns()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.PostJsonAsync(Events(ns), Event("web.1", "web", "InstanceReady"));

        var response = await server.Client.GetAsync(Events(ns), "application/json;as=Table;v=v1;g=meta.k8s.io");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["columnDefinitions"]!.AsArray().Where(column => column!["priority"]!.GetValue<int>() == 0)
            .Select(column => column!["name"]!.GetValue<string>()).Should().Equal("Last Seen", "Type", "Reason", "Object", "Message");
        var cells = response.Json["rows"]![0]!["cells"]!.AsArray();
        cells[1]!.GetValue<string>().Should().Be("Normal");
        cells[2]!.GetValue<string>().Should().Be("InstanceReady");
        cells[3]!.GetValue<string>().Should().Be("botcluster/web");
        cells[4]!.GetValue<string>().Should().Be("InstanceReady happened");
    }
}
