using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public abstract class ServerSideApplyTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task Apply_MissingObject_CreatesItOwnedByManager()
    {
        var ns = Manifests.UniqueNamespace();

        var response = await server.Client.ApplyYamlAsync(Manifests.BotClusterPath(ns, "web"), "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin", "replicas: 2"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        var entry = Apply.Entry(response.Json, "gitops", "Apply");
        entry.Should().NotBeNull();
        entry!["apiVersion"]!.GetValue<string>().Should().Be(Manifests.ApiVersion);
        entry["fieldsType"]!.GetValue<string>().Should().Be("FieldsV1");
        entry["time"]!.GetValue<string>().Should().EndWith("Z");
        entry["fieldsV1"]!.ToJsonString().Should().Be("""{"f:spec":{"f:image":{},"f:replicas":{}}}""");
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.Json["spec"]!["image"]!.GetValue<string>().Should().Be("botserver-standin");
    }

    [Fact]
    public async Task Apply_SameConfigurationTwice_DoesNotWrite()
    {
        var ns = Manifests.UniqueNamespace();
        var yaml = Apply.BotClusterYaml("web", "image: botserver-standin");
        var first = await server.Client.ApplyYamlAsync(Manifests.BotClusterPath(ns, "web"), "fieldManager=gitops", yaml);

        var second = await server.Client.ApplyYamlAsync(Manifests.BotClusterPath(ns, "web"), "fieldManager=gitops", yaml);

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        second.ResourceVersion.Should().Be(first.ResourceVersion);
    }

    [Fact]
    public async Task Apply_JsonBody_IsAccepted()
    {
        var ns = Manifests.UniqueNamespace();
        var json = Manifests.BotCluster("web", replicas: 3).ToJsonString();

        var response = await server.Client.SendTextAsync(HttpMethod.Patch, Manifests.BotClusterPath(ns, "web") + "?fieldManager=gitops", json, Apply.ContentType);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Apply_FieldLeftOut_IsRemoved()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin", "env:", "  A: one", "  B: two"));

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin", "env:", "  A: one"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["env"]!.AsObject().Select(pair => pair.Key).Should().Equal("A");
        Apply.OwnersOf(response.Json, "f:spec", "f:env", "f:B").Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_SharedFieldLeftOut_IsKept()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin", "env:", "  A: one", "  B: two"));
        var shared = await server.Client.ApplyYamlAsync(path, "fieldManager=other", Apply.BotClusterYaml("web", "env:", "  B: two"));
        shared.StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin", "env:", "  A: one"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["env"]!["B"]!.GetValue<string>().Should().Be("two");
        Apply.OwnersOf(response.Json, "f:spec", "f:env", "f:B").Should().Equal("other");
    }

    [Fact]
    public async Task Apply_OtherOwnersField_ReturnsConflict()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin", "replicas: 2"));
        var scaled = await server.Client.PatchAsync(path + "?fieldManager=gb-autoscaler", JsonNode.Parse("""{"spec":{"replicas":4}}""")!, "application/merge-patch+json");

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin", "replicas: 2"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Reason.Should().Be("Conflict");
        response.Message.Should().Contain("conflict with \"gb-autoscaler\": .spec.replicas");
        response.Message.Should().EndWith("applying again with force=true (gbctl apply --server-side --force-conflicts)");
        var cause = response.Json["details"]!["causes"]!.AsArray().Single()!;
        cause["reason"]!.GetValue<string>().Should().Be("FieldManagerConflict");
        cause["field"]!.GetValue<string>().Should().Be(".spec.replicas");
        cause["message"]!.GetValue<string>().Should().Contain("gb-autoscaler");
        var stored = await server.Client.GetJsonAsync(path);
        stored.ResourceVersion.Should().Be(scaled.ResourceVersion);
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(4);
    }

    [Fact]
    public async Task Apply_TwoConflicts_ListsEachField()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.ApplyYamlAsync(path, "fieldManager=first", Apply.BotClusterYaml("web", "image: botserver-standin", "replicas: 2", "port: 8080"));

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=second", Apply.BotClusterYaml("web", "image: other-image", "replicas: 3", "port: 8080"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var fields = response.Json["details"]!["causes"]!.AsArray().Select(cause => cause!["field"]!.GetValue<string>());
        fields.Should().Equal(".spec.image", ".spec.replicas");
    }

    [Fact]
    public async Task Apply_Force_TakesOwnership()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        await server.Client.PatchAsync(path + "?fieldManager=gb-autoscaler", JsonNode.Parse("""{"spec":{"replicas":4}}""")!, "application/merge-patch+json");

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops&force=true", Apply.BotClusterYaml("web", "image: botserver-standin", "replicas: 2"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        Apply.OwnersOf(response.Json, "f:spec", "f:replicas").Should().Equal("gitops");
    }

    [Fact]
    public async Task Apply_SameValueAsOtherOwner_SharesOwnership()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.ApplyYamlAsync(path, "fieldManager=first", Apply.BotClusterYaml("web", "image: botserver-standin", "replicas: 2"));

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=second", Apply.BotClusterYaml("web", "replicas: 2"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Apply.OwnersOf(response.Json, "f:spec", "f:replicas").Should().BeEquivalentTo("first", "second");
    }

    [Fact]
    public async Task Apply_WithoutReplicas_LeavesAutoscalerValue()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin"));
        await server.Client.PutJsonAsync(path + "/scale?fieldManager=gb-autoscaler", JsonNode.Parse("""{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web"},"spec":{"replicas":5}}""")!);

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin", "port: 8081"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(5);
        response.Json["spec"]!["port"]!.GetValue<int>().Should().Be(8081);
    }

    [Fact]
    public async Task ScaleSubresource_RecordsManagerAsReplicaOwner()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));

        await server.Client.PutJsonAsync(path + "/scale?fieldManager=gb-autoscaler", JsonNode.Parse("""{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web"},"spec":{"replicas":3}}""")!);

        var stored = await server.Client.GetJsonAsync(path);
        var entry = Apply.Entry(stored.Json, "gb-autoscaler", "Update");
        entry.Should().NotBeNull();
        entry!["subresource"]!.GetValue<string>().Should().Be("scale");
        Apply.OwnersOf(stored.Json, "f:spec", "f:replicas").Should().Equal("gb-autoscaler");
    }

    [Fact]
    public async Task MergePatch_RecordsManagerOfChangedFields()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));

        var response = await server.Client.PatchAsync(path + "?fieldManager=gb-autoscaler", JsonNode.Parse("""{"spec":{"replicas":3}}""")!, "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = Apply.Entry(response.Json, "gb-autoscaler", "Update");
        entry.Should().NotBeNull();
        entry!["fieldsV1"]!.ToJsonString().Should().Be("""{"f:spec":{"f:replicas":{}}}""");
        Apply.OwnersOf(response.Json, "f:spec", "f:image").Should().NotContain("gb-autoscaler");
    }

    [Fact]
    public async Task Create_WithoutFieldManager_UsesUserAgentProduct()
    {
        var ns = Manifests.UniqueNamespace();
        using var request = new HttpRequestMessage(HttpMethod.Post, Manifests.BotClusters(ns))
        {
            Content = new StringContent(Manifests.BotCluster("web").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", "kubectl/v1.20.15 (linux/amd64)");

        using var response = await server.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Apply.Entry(created, "kubectl", "Update").Should().NotBeNull();
    }

    [Fact]
    public async Task Update_ClientManagedFields_AreIgnored()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        created["metadata"]!["managedFields"] = JsonNode.Parse("""[{"manager":"forged","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:image":{}}}}]""");
        created["spec"]!["replicas"] = 2;

        var response = await server.Client.PutJsonAsync(path + "?fieldManager=editor", created);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Apply.Entry(response.Json, "forged", "Apply").Should().BeNull();
        Apply.OwnersOf(response.Json, "f:spec", "f:replicas").Should().Equal("editor");
    }

    [Fact]
    public async Task Apply_AfterHandEdit_ConflictsWithEditor()
    {
        var ns = Manifests.UniqueNamespace();
        var path = Manifests.BotClusterPath(ns, "web");
        await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin"));
        await server.Client.PatchAsync(path + "?fieldManager=editor", JsonNode.Parse("""{"spec":{"image":"hand-edited"}}""")!, "application/merge-patch+json");

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "image: botserver-standin"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Message.Should().Contain("conflict with \"editor\": .spec.image");
    }

    [Fact]
    public async Task Apply_DryRun_StoresNothing()
    {
        var ns = Manifests.UniqueNamespace();

        var response = await server.Client.ApplyYamlAsync(Manifests.BotClusterPath(ns, "web"), "fieldManager=gitops&dryRun=All", Apply.BotClusterYaml("web", "image: botserver-standin"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
