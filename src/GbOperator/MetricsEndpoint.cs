using GbOperator.Controllers.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GbOperator;

/// <summary>Serves the operator's Prometheus series on <c>GET /metrics</c> in the text exposition format 0.0.4.</summary>
internal static class MetricsEndpoint
{
    public static void Map(WebApplication application, OperatorMetrics metrics) =>
        application.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.ExportAsync(context.Response.Body, context.RequestAborted);
        });
}
