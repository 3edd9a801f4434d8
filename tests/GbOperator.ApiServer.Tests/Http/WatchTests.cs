using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public abstract class WatchTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task Watch_NoResourceVersion_SendsInitialAdded()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("a"));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("b"));

        await using var watch = await WatchStream.OpenAsync(server.Client, Manifests.BotClusters(ns) + "?watch=true");
        var first = await watch.ReadNextAsync();
        var second = await watch.ReadNextAsync();

        watch.StatusCode.Should().Be(HttpStatusCode.OK);
        first!.Type().Should().Be("ADDED");
        first.ObjectName().Should().Be("a");
        first["object"]!["kind"]!.GetValue<string>().Should().Be("BotCluster");
        second!.Type().Should().Be("ADDED");
        second.ObjectName().Should().Be("b");
    }

    [Fact]
    public async Task Watch_LaterChanges_SendsModifiedThenDeleted()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("a"));
        await using var watch = await WatchStream.OpenAsync(server.Client, Manifests.BotClusters(ns) + "?watch=1");
        (await watch.ReadNextAsync())!.Type().Should().Be("ADDED");

        var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 4 } };
        var patched = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "a"), patch, "application/merge-patch+json");
        var modified = await watch.ReadNextAsync();
        var deleteResponse = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "a"));
        var deleted = await watch.ReadNextAsync();

        modified!.Type().Should().Be("MODIFIED");
        modified["object"]!["spec"]!["replicas"]!.GetValue<int>().Should().Be(4);
        modified["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be(patched.ResourceVersion);
        deleteResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        deleted!.Type().Should().Be("DELETED");
        deleted.ObjectName().Should().Be("a");
        long.Parse(deleted["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>())
            .Should().BeGreaterThan(long.Parse(created["metadata"]!["resourceVersion"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Watch_FromListRevision_SendsOnlyLaterChanges()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("old"));
        var list = await server.Client.GetJsonAsync(Manifests.BotClusters(ns));

        await using var watch = await WatchStream.OpenAsync(server.Client, $"{Manifests.BotClusters(ns)}?watch=true&resourceVersion={list.ResourceVersion}");
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("new"));
        var change = await watch.ReadNextAsync();

        change!.Type().Should().Be("ADDED");
        change.ObjectName().Should().Be("new");
    }

    [Fact]
    public async Task Watch_FromOldRevision_ReplaysChangesAfterIt()
    {
        var ns = Manifests.UniqueNamespace();
        var first = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("first"));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("second"));
        var revision = first["metadata"]!["resourceVersion"]!.GetValue<string>();

        await using var watch = await WatchStream.OpenAsync(server.Client, $"{Manifests.BotClusters(ns)}?watch=true&resourceVersion={revision}");
        var change = await watch.ReadNextAsync();

        change!.Type().Should().Be("ADDED");
        change.ObjectName().Should().Be("second");
    }

    [Fact]
    public async Task Watch_CompactedRevision_SendsExpiredErrorEvent()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("a"));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("b"));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("c"));
        var current = await server.Store.GetCurrentRevisionAsync(CancellationToken.None);
        await server.Store.CompactAsync(current, CancellationToken.None);
        // The first object's own revision, not the one before it: on a new store that would be 0, which means
        // "start from the current state" rather than an old revision.
        var oldRevision = long.Parse(created["metadata"]!["resourceVersion"]!.GetValue<string>());

        await using var watch = await WatchStream.OpenAsync(server.Client, $"{Manifests.BotClusters(ns)}?watch=true&resourceVersion={oldRevision}");
        var error = await watch.ReadNextAsync();
        var end = await watch.ReadEventAsync();

        watch.StatusCode.Should().Be(HttpStatusCode.OK);
        error!.Type().Should().Be("ERROR");
        error["object"]!["kind"]!.GetValue<string>().Should().Be("Status");
        error["object"]!["code"]!.GetValue<int>().Should().Be(410);
        error["object"]!["reason"]!.GetValue<string>().Should().Be("Expired");
        error["object"]!["message"]!.GetValue<string>().Should().StartWith($"too old resource version: {oldRevision}");
        end.Should().BeNull();
    }

    [Fact]
    public async Task Watch_NameSelector_SendsOnlyThatObject()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("wanted"));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("other"));

        await using var watch = await WatchStream.OpenAsync(server.Client, $"{Manifests.BotClusters(ns)}?watch=true&fieldSelector=metadata.name%3Dwanted");
        var initial = await watch.ReadNextAsync();
        await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "other"));
        await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "wanted"));
        var deleted = await watch.ReadNextAsync();

        initial!.ObjectName().Should().Be("wanted");
        deleted!.Type().Should().Be("DELETED");
        deleted.ObjectName().Should().Be("wanted");
    }

    [Fact]
    public async Task Watch_LabelStopsMatching_SendsDeleted()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("a", labels: new Dictionary<string, string> { ["tier"] = "web" }));
        await using var watch = await WatchStream.OpenAsync(server.Client, $"{Manifests.BotClusters(ns)}?watch=true&labelSelector=tier%3Dweb");
        (await watch.ReadNextAsync())!.Type().Should().Be("ADDED");

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["tier"] = "api" } } };
        await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "a"), patch, "application/merge-patch+json");
        var change = await watch.ReadNextAsync();

        change!.Type().Should().Be("DELETED");
        change.ObjectName().Should().Be("a");
    }

    [Fact]
    public async Task Watch_OtherNamespace_IsNotSent()
    {
        var ns = Manifests.UniqueNamespace();
        var list = await server.Client.GetJsonAsync(Manifests.BotClusters(ns));
        await using var watch = await WatchStream.OpenAsync(server.Client, $"{Manifests.BotClusters(ns)}?watch=true&resourceVersion={list.ResourceVersion}");

        await server.Client.CreateBotClusterAsync(Manifests.UniqueNamespace(), Manifests.BotCluster("elsewhere"));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("here"));
        var change = await watch.ReadNextAsync();

        change!.ObjectName().Should().Be("here");
    }

    [Fact]
    public async Task Watch_AllNamespaces_SendsEveryNamespace()
    {
        var list = await server.Client.GetJsonAsync($"/apis/{Manifests.ApiVersion}/botclusters");
        await using var watch = await WatchStream.OpenAsync(server.Client, $"/apis/{Manifests.ApiVersion}/botclusters?watch=true&resourceVersion={list.ResourceVersion}");
        var ns = Manifests.UniqueNamespace();

        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("anywhere"));
        var change = await watch.ReadUntilAsync(item => item.ObjectName() == "anywhere");

        change["object"]!["metadata"]!["namespace"]!.GetValue<string>().Should().Be(ns);
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_ClosesStream()
    {
        var ns = Manifests.UniqueNamespace();
        var list = await server.Client.GetJsonAsync(Manifests.BotClusters(ns));

        await using var watch = await WatchStream.OpenAsync(server.Client, $"{Manifests.BotClusters(ns)}?watch=true&timeoutSeconds=1&resourceVersion={list.ResourceVersion}");
        var end = await watch.ReadEventAsync(TimeSpan.FromSeconds(10));

        end.Should().BeNull();
    }

    [Fact]
    public async Task Watch_AllowBookmarks_SendsBookmarkWithRevision()
    {
        var ns = Manifests.UniqueNamespace();
        var list = await server.Client.GetJsonAsync(Manifests.BotClusters(ns));

        await using var watch = await WatchStream.OpenAsync(server.Client, $"{Manifests.BotClusters(ns)}?watch=true&allowWatchBookmarks=true&resourceVersion={list.ResourceVersion}");
        var bookmark = await watch.ReadNextAsync(TimeSpan.FromSeconds(10));

        bookmark!.Type().Should().Be("BOOKMARK");
        bookmark["object"]!["kind"]!.GetValue<string>().Should().Be("BotCluster");
        long.Parse(bookmark["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>()).Should().BeGreaterThanOrEqualTo(long.Parse(list.ResourceVersion!));
    }

    [Fact]
    public async Task Watch_LegacyWatchPrefix_StreamsEvents()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("a"));

        await using var watch = await WatchStream.OpenAsync(server.Client, $"/apis/{Manifests.ApiVersion}/watch/namespaces/{ns}/botclusters");
        var change = await watch.ReadNextAsync();

        change!.Type().Should().Be("ADDED");
    }

    [Fact]
    public async Task Watch_TableAccept_SendsOneRowTables()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("a", replicas: 2));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("b", replicas: 3));

        await using var watch = await WatchStream.OpenAsync(server.Client, Manifests.BotClusters(ns) + "?watch=true", TableTests.TableAccept);
        var first = await watch.ReadNextAsync();
        var second = await watch.ReadNextAsync();

        first!["object"]!["kind"]!.GetValue<string>().Should().Be("Table");
        first["object"]!["columnDefinitions"]!.AsArray().Should().NotBeEmpty();
        first["object"]!["rows"]![0]!["cells"]![0]!.GetValue<string>().Should().Be("a");
        second!["object"]!["columnDefinitions"]!.AsArray().Should().BeEmpty();
        second["object"]!["rows"]![0]!["cells"]![1]!.GetValue<long>().Should().Be(3);
    }

    [Fact]
    public async Task Watch_HundredWatchers_AllReceiveEveryChange()
    {
        var ns = Manifests.UniqueNamespace();
        var list = await server.Client.GetJsonAsync(Manifests.BotClusters(ns));
        var watches = new List<WatchStream>();
        for (var index = 0; index < 100; index++)
        {
            watches.Add(await WatchStream.OpenAsync(server.Client, $"{Manifests.BotClusters(ns)}?watch=true&resourceVersion={list.ResourceVersion}"));
        }

        try
        {
            for (var index = 0; index < 5; index++)
            {
                await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("bot-" + index));
            }

            var received = await Task.WhenAll(watches.Select(async watch =>
            {
                var names = new List<string?>();
                for (var index = 0; index < 5; index++)
                {
                    names.Add((await watch.ReadNextAsync(TimeSpan.FromSeconds(20))).ObjectName());
                }

                return names;
            }));

            string[] expected = ["bot-0", "bot-1", "bot-2", "bot-3", "bot-4"];
            received.Should().OnlyContain(names => names.SequenceEqual(expected));
        }
        finally
        {
            foreach (var watch in watches)
            {
                await watch.DisposeAsync();
            }
        }
    }
}
