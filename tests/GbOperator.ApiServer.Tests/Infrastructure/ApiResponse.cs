using System.Net;
using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>A response's status code and body, parsed as JSON when it is JSON.</summary>
public sealed record ApiResponse(HttpStatusCode StatusCode, string Text, string? ContentType)
{
    public JsonObject Json => JsonNode.Parse(Text)?.AsObject() ?? throw new InvalidOperationException($"The body is not a JSON object: {Text}");

    public string? Reason => Json["reason"]?.GetValue<string>();

    public string? Message => Json["message"]?.GetValue<string>();

    public string? ResourceVersion => Json["metadata"]?["resourceVersion"]?.GetValue<string>();
}
