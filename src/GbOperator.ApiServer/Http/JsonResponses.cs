using System.Text.Json.Nodes;
using GbOperator.ApiServer.Registry;
using Microsoft.AspNetCore.Http;

namespace GbOperator.ApiServer.Http;

/// <summary>Writes JSON bodies with the content type Kubernetes clients expect.</summary>
internal static class JsonResponses
{
    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = MediaTypes.Json;
        await context.Response.Body.WriteAsync(StoredObject.ToUtf8(body), context.RequestAborted);
    }

    public static Task WriteStatusAsync(HttpContext context, ApiException exception) =>
        WriteAsync(context, exception.Code, exception.ToStatus());
}
