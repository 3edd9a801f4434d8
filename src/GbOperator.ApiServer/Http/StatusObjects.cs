using System.Text.Json.Nodes;
using GbOperator.Resources;

namespace GbOperator.ApiServer.Http;

/// <summary>Builders of Kubernetes <c>meta/v1 Status</c> objects and the errors apimachinery reports.</summary>
internal static class StatusObjects
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }

    public static JsonObject Success(ResourceKind kind, string name, string? uid)
    {
        var details = ResourceDetails(kind, name);
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    public static ApiException NotFound(ResourceKind kind, string name) =>
        new(404, "NotFound", $"{kind.QualifiedName} \"{name}\" not found", ResourceDetails(kind, name));

    public static ApiException AlreadyExists(ResourceKind kind, string name) =>
        new(409, "AlreadyExists", $"{kind.QualifiedName} \"{name}\" already exists", ResourceDetails(kind, name));

    public static ApiException Conflict(ResourceKind kind, string name) =>
        new(
            409,
            "Conflict",
            $"Operation cannot be fulfilled on {kind.QualifiedName} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            ResourceDetails(kind, name));

    public static ApiException PreconditionConflict(ResourceKind kind, string name, string problem) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {kind.QualifiedName} \"{name}\": {problem}", ResourceDetails(kind, name));

    /// <summary>Builds a 422 Invalid error, one cause per violation, in apimachinery's message format.</summary>
    public static ApiException Invalid(string kindName, string name, IReadOnlyList<FieldViolation> violations)
    {
        var causes = new JsonArray();
        foreach (var violation in violations)
        {
            causes.Add(new JsonObject
            {
                ["reason"] = violation.Type,
                ["message"] = violation.Message,
                ["field"] = violation.Field,
            });
        }

        var summary = violations.Count == 1
            ? violations[0].ToString()
            : "[" + string.Join(", ", violations.Select(violation => violation.ToString())) + "]";
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = ApiGroup.Name,
            ["kind"] = kindName,
            ["causes"] = causes,
        };
        return new ApiException(422, "Invalid", $"{kindName}.{ApiGroup.Name} \"{name}\" is invalid: {summary}", details);
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource: {method}");

    public static ApiException UnsupportedMediaType(string contentType, IEnumerable<string> supported) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", supported)}; received: {contentType}");

    public static ApiException ResourceNotFound() => new(404, "NotFound", "the server could not find the requested resource");

    public static ApiException TooLarge(long maxBytes) =>
        new(413, "RequestEntityTooLarge", $"the request body is larger than the limit of {maxBytes} bytes");

    public static ApiException Unavailable(string message) => new(503, "ServiceUnavailable", message);

    private static JsonObject ResourceDetails(ResourceKind kind, string name) => new()
    {
        ["name"] = name,
        ["group"] = ApiGroup.Name,
        ["kind"] = kind.Plural,
    };
}
