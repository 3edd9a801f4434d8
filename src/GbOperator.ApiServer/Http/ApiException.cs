using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Http;

/// <summary>A request failure that is sent to the client as a Kubernetes <c>Status</c> object.</summary>
/// <param name="code">HTTP status code, also written to <c>Status.code</c>.</param>
/// <param name="reason">Kubernetes <c>StatusReason</c>, such as <c>NotFound</c> or <c>Invalid</c>.</param>
/// <param name="message">Human-readable message that kubectl prints after the reason.</param>
/// <param name="details">Optional <c>Status.details</c> object.</param>
internal sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    /// <summary>Builds the <c>Status</c> object for this failure.</summary>
    public JsonObject ToStatus() => StatusObjects.Failure(Code, Reason, Message, Details?.DeepClone().AsObject());
}
