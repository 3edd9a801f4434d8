using System.Text.Json.Nodes;
using GbOperator.ApiServer.Events;
using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Logging;
using GbOperator.ApiServer.OpenApi;
using GbOperator.Resources;
using GbOperator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace GbOperator.ApiServer.Http;

/// <summary>Maps the discovery, health and resource endpoints.</summary>
internal static class ApiServerEndpoints
{
    private const string GroupVersionPath = "/apis/" + ApiGroup.Name + "/" + ApiGroup.Version;

    public static void MapApiServerEndpoints(this WebApplication application)
    {
        application.Use(HandleErrorsAsync);

        MapDocument(application, "/version", DiscoveryDocuments.Version);
        MapDocument(application, "/api", DiscoveryDocuments.CoreVersions);
        MapDocument(application, "/api/v1", DiscoveryDocuments.CoreResourceList);
        MapDocument(application, "/apis", DiscoveryDocuments.GroupList);
        MapDocument(application, "/apis/" + ApiGroup.Name, DiscoveryDocuments.Group);
        MapDocument(application, GroupVersionPath, DiscoveryDocuments.ResourceList);

        application.MapGet("/openapi/v2", WriteOpenApiAsync);

        // NOTE: namespaces are implicit (any name is valid and exists), so this returns an active Namespace for every name. kubectl
        // reads it after a 404 to tell "namespace not found" from "object not found".
        application.MapGet("/api/v1/namespaces/{name}", (HttpContext context, string name) =>
            JsonResponses.WriteAsync(context, StatusCodes.Status200OK, DiscoveryDocuments.ImplicitNamespace(name)));

        application.Map("/api/v1/events", (HttpContext context) =>
            context.RequestServices.GetRequiredService<EventRequestHandler>().HandleAsync(context, null, null));
        application.Map("/api/v1/namespaces/{namespace}/events/{name?}", (HttpContext context, string @namespace, string? name) =>
            context.RequestServices.GetRequiredService<EventRequestHandler>().HandleAsync(context, @namespace, name));

        application.MapGet("/healthz", LiveAsync);
        application.MapGet("/livez", LiveAsync);
        application.MapGet("/readyz", ReadyAsync);

        application.Map(GroupVersionPath + "/{**rest}", (HttpContext context, string rest) =>
        {
            var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var path = ResourcePath.Parse(segments);
            return context.RequestServices.GetRequiredService<ResourceHandler>().HandleAsync(context, path);
        });

        application.MapFallback(context => throw StatusObjects.ResourceNotFound());
    }

    private static void MapDocument(WebApplication application, string path, Func<JsonObject> document) =>
        application.MapGet(path, (HttpContext context) => JsonResponses.WriteAsync(context, StatusCodes.Status200OK, document()));

    /// <summary>Writes the OpenAPI v2 document as protobuf when the Accept header requests it, otherwise as JSON.</summary>
    private static async Task WriteOpenApiAsync(HttpContext context)
    {
        if (context.Request.Headers.Accept.ToString().Contains("protobuf", StringComparison.OrdinalIgnoreCase))
        {
            // The Accept media type contains '@', which Go's mime parser rejects in a Content-Type, so the body is labelled
            // application/octet-stream, as kube-openapi labels it.
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(OpenApiDocument.ToProtobuf(), context.RequestAborted);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, OpenApiDocument.ToJson());
    }

    /// <summary>Reports live unless one of <see cref="ApiServerOptions.HealthChecks"/> reports Unhealthy.</summary>
    private static async Task<IResult> LiveAsync(ApiServerOptions options, CancellationToken cancellationToken)
    {
        var results = await CheckComponentsAsync(options, cancellationToken);
        var unhealthy = results.Where(result => result.Status == HealthStatus.Unhealthy).ToList();
        return unhealthy.Count == 0
            ? Results.Text("ok")
            : Results.Text(Describe(unhealthy), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Reports ready when the store returns its current revision within 5 seconds and every one of
    /// <see cref="ApiServerOptions.HealthChecks"/> reports Healthy.
    /// </summary>
    private static async Task<IResult> ReadyAsync(
        IResourceStore store, ApiServerOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await store.GetCurrentRevisionAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is StoreException or OperationCanceledException)
        {
            loggerFactory.CreateLogger(typeof(ApiServerEndpoints)).ReadinessFailed(exception);
            return Results.Text($"store unavailable: {exception.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var results = await CheckComponentsAsync(options, cancellationToken);
        var notReady = results.Where(result => result.Status != HealthStatus.Healthy).ToList();
        return notReady.Count == 0
            ? Results.Text("ok")
            : Results.Text(Describe(notReady), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<List<HealthCheckResult>> CheckComponentsAsync(ApiServerOptions options, CancellationToken cancellationToken)
    {
        var results = new List<HealthCheckResult>(options.HealthChecks.Count);
        foreach (var check in options.HealthChecks)
        {
            results.Add(await check.CheckHealthAsync(new HealthCheckContext(), cancellationToken));
        }

        return results;
    }

    private static string Describe(IEnumerable<HealthCheckResult> results) =>
        string.Join(Environment.NewLine, results.Select(result => $"{result.Status}: {result.Description}"));

    /// <summary>Turns failures into Kubernetes <c>Status</c> responses.</summary>
    private static async Task HandleErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client disconnected, so no response can be sent.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            var error = exception switch
            {
                ApiException api => api,
                RevisionCompactedException compacted => StatusObjects.Expired($"too old resource version: {compacted.RequestedRevision} ({compacted.CompactedRevision})"),
                StoreUnavailableException unavailable => StatusObjects.Unavailable($"the store is unavailable: {unavailable.Message}"),
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ApiException(413, "RequestEntityTooLarge", exception.Message),
                BadHttpRequestException bad => StatusObjects.BadRequest(bad.Message),
                _ => null,
            };
            if (error is null)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiServerEndpoints));
                logger.RequestFailed(exception, context.Request.Method, context.Request.Path.Value ?? string.Empty);
                error = new ApiException(500, "InternalError", $"an internal error occurred: {exception.Message}");
            }
            else if (error.Code >= 500)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiServerEndpoints));
                logger.RequestUnavailable(exception, context.Request.Method, context.Request.Path.Value ?? string.Empty, error.Code);
            }

            await JsonResponses.WriteStatusAsync(context, error);
        }
    }
}
