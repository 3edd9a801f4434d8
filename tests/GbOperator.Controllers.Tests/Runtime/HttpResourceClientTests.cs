using System.Net;
using System.Text;
using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class HttpResourceClientTests
{
    private const string Collection = "/apis/generalbots.ai/v1alpha1/namespaces/ns/widgets";

    [Fact]
    public async Task ListAsync_ListBody_ReturnsItemsAndRevision()
    {
        var handler = new StubHandler((_, _) => Json(HttpStatusCode.OK, """
            {"apiVersion":"generalbots.ai/v1alpha1","kind":"WidgetList","metadata":{"resourceVersion":"42"},
             "items":[{"apiVersion":"generalbots.ai/v1alpha1","kind":"Widget","metadata":{"name":"a","namespace":"ns","resourceVersion":"40","creationTimestamp":"2026-01-02T03:04:05Z"},"spec":{"size":3}},
                      {"apiVersion":"generalbots.ai/v1alpha1","kind":"Widget","metadata":{"name":"b","namespace":"ns","resourceVersion":"41"},"spec":{"size":1}}]}
            """));
        var client = CreateClient(handler);

        var list = await client.ListAsync("ns", CancellationToken.None);

        handler.Requests.Single().Should().Be($"GET {Collection}");
        list.ResourceVersion.Should().Be("42");
        list.Items.Select(item => item.Metadata.Name).Should().Equal("a", "b");
        list.Items[0].Spec.Size.Should().Be(3);
        list.Items[0].Metadata.CreationTimestamp.Should().Be(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
    }

    [Fact]
    public async Task ListAsync_UnknownField_ThrowsNamingPath()
    {
        var client = CreateClient(new StubHandler((_, _) => Json(HttpStatusCode.OK, """
            {"metadata":{"resourceVersion":"42"},
             "items":[{"kind":"Widget","metadata":{"name":"a","namespace":"ns","resourceVersion":"40"},"spec":{"size":1,"colour":"red"}}]}
            """)));

        var list = () => client.ListAsync("ns", CancellationToken.None);

        await list.Should().ThrowAsync<System.Text.Json.JsonException>().WithMessage("*item of the list of widgets*colour*");
    }

    [Fact]
    public async Task ListAsync_AllNamespaces_UsesClusterWidePath()
    {
        var handler = new StubHandler((_, _) => Json(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"1"},"items":[]}"""));
        var client = CreateClient(handler);

        var list = await client.ListAsync(null, CancellationToken.None);

        handler.Requests.Single().Should().Be("GET /apis/generalbots.ai/v1alpha1/widgets");
        list.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task ListAsync_NoResourceVersion_Throws()
    {
        var client = CreateClient(new StubHandler((_, _) => Json(HttpStatusCode.OK, """{"items":[]}""")));

        var list = () => client.ListAsync("ns", CancellationToken.None);

        await list.Should().ThrowAsync<System.Text.Json.JsonException>().WithMessage("*resourceVersion*");
    }

    [Fact]
    public async Task WatchAsync_EventLines_YieldsTypedEvents()
    {
        var handler = new StubHandler((_, _) => Json(HttpStatusCode.OK, """
            {"type":"ADDED","object":{"kind":"Widget","metadata":{"name":"a","namespace":"ns","resourceVersion":"43"}}}

            {"type":"MODIFIED","object":{"kind":"Widget","metadata":{"name":"a","namespace":"ns","resourceVersion":"44"}}}
            {"type":"BOOKMARK","object":{"kind":"Widget","metadata":{"resourceVersion":"45"}}}
            {"type":"DELETED","object":{"kind":"Widget","metadata":{"name":"a","namespace":"ns","resourceVersion":"46"}}}
            """));
        var client = CreateClient(handler);

        var events = await client.WatchAsync("ns", "42", TimeSpan.FromSeconds(299.5), CancellationToken.None).ToListAsync();

        handler.Requests.Single().Should().Be($"GET {Collection}?watch=true&allowWatchBookmarks=true&resourceVersion=42&timeoutSeconds=300");
        events.Select(watchEvent => watchEvent.Type).Should().Equal(WatchEventType.Added, WatchEventType.Modified, WatchEventType.Bookmark, WatchEventType.Deleted);
        events.Select(watchEvent => watchEvent.Object.Metadata.ResourceVersion).Should().Equal("43", "44", "45", "46");
    }

    [Fact]
    public async Task WatchAsync_ErrorEvent_ThrowsGone()
    {
        var client = CreateClient(new StubHandler((_, _) => Json(HttpStatusCode.OK, """
            {"type":"ADDED","object":{"kind":"Widget","metadata":{"name":"a","namespace":"ns","resourceVersion":"43"}}}
            {"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 42 (50)","reason":"Expired","code":410}}
            """)));
        var received = new List<WatchEvent<Widget>>();

        var watch = async () =>
        {
            await foreach (var watchEvent in client.WatchAsync("ns", "42", null, CancellationToken.None))
            {
                received.Add(watchEvent);
            }
        };

        var error = (await watch.Should().ThrowAsync<ApiStatusException>()).Which;
        error.IsGone.Should().BeTrue();
        error.Reason.Should().Be("Expired");
        error.Message.Should().Contain("too old resource version");
        received.Should().ContainSingle();
    }

    [Fact]
    public async Task WatchAsync_GoneResponse_ThrowsGone()
    {
        var client = CreateClient(new StubHandler((_, _) => Json(HttpStatusCode.Gone, """{"kind":"Status","reason":"Expired","message":"too old","code":410}""")));

        var watch = () => client.WatchAsync("ns", "1", null, CancellationToken.None).ToListAsync().AsTask();

        (await watch.Should().ThrowAsync<ApiStatusException>()).Which.IsGone.Should().BeTrue();
    }

    [Fact]
    public async Task GetAsync_NotFound_ReturnsNull()
    {
        var client = CreateClient(new StubHandler((_, _) => Json(HttpStatusCode.NotFound, """{"kind":"Status","reason":"NotFound","code":404}""")));

        var widget = await client.GetAsync("ns", "missing", CancellationToken.None);

        widget.Should().BeNull();
    }

    [Fact]
    public async Task UpdateStatusAsync_Object_PutsToStatusSubresource()
    {
        var handler = new StubHandler((_, body) => Json(HttpStatusCode.OK, body!));
        var client = CreateClient(handler);
        var widget = Widget.Create("ns", "a", "7") with { Status = new GbOperator.Resources.ResourceStatus { ObservedGeneration = 3 } };

        var stored = await client.UpdateStatusAsync(widget, CancellationToken.None);

        handler.Requests.Single().Should().Be($"PUT {Collection}/a/status");
        handler.Bodies.Single().Should().Contain("\"observedGeneration\":3").And.Contain("\"resourceVersion\":\"7\"");
        stored.Status!.ObservedGeneration.Should().Be(3);
    }

    [Fact]
    public async Task UpdateAsync_Conflict_ThrowsConflict()
    {
        var client = CreateClient(new StubHandler((_, _) => Json(HttpStatusCode.Conflict, """
            {"kind":"Status","status":"Failure","reason":"Conflict","message":"the object has been modified","code":409}
            """)));

        var update = () => client.UpdateAsync(Widget.Create("ns", "a", "7"), CancellationToken.None);

        var error = (await update.Should().ThrowAsync<ApiStatusException>()).Which;
        error.IsConflict.Should().BeTrue();
        error.StatusCode.Should().Be(HttpStatusCode.Conflict);
        error.Message.Should().Be("API server returned 409 Conflict: the object has been modified");
    }

    [Fact]
    public async Task CreateAsync_PlainTextError_ThrowsHttpStatus()
    {
        var client = CreateClient(new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("upstream down") }));

        var create = () => client.CreateAsync(Widget.Create("ns", "a", "1"), CancellationToken.None);

        var error = (await create.Should().ThrowAsync<ApiStatusException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        error.Message.Should().Contain("upstream down");
    }

    [Fact]
    public async Task DeleteAsync_Missing_ReturnsFalse()
    {
        var handler = new StubHandler((_, _) => Json(HttpStatusCode.NotFound, """{"kind":"Status","reason":"NotFound","code":404}"""));
        var client = CreateClient(handler);

        var deleted = await client.DeleteAsync("ns", "a", CancellationToken.None);

        deleted.Should().BeFalse();
        handler.Requests.Single().Should().Be($"DELETE {Collection}/a");
    }

    private static HttpResourceClient<Widget> CreateClient(StubHandler handler) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:1") }, "widgets");

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class StubHandler(Func<HttpRequestMessage, string?, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body is not null)
            {
                Bodies.Add(body);
            }

            var response = respond(request, body);
            response.RequestMessage = request;
            return response;
        }
    }
}
