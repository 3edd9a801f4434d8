using GbOperator.Resources;
using Microsoft.AspNetCore.Http;

namespace GbOperator.ApiServer.Http;

/// <summary>Parsers of the <c>fieldManager</c> and <c>force</c> query parameters of writes.</summary>
internal static class FieldManagerOptions
{
    private const int MaxManagerLength = 128;
    private const string DefaultManager = "unknown";

    /// <summary>
    /// Returns the <c>fieldManager</c> parameter, or when it is absent the product name of the <c>User-Agent</c>
    /// header (<c>gbctl</c> for <c>gbctl/1.0</c>), as kube-apiserver does, or <c>unknown</c>.
    /// </summary>
    /// <exception cref="ApiException">422 when the parameter is longer than 128 characters or not printable.</exception>
    public static string ManagerOf(HttpRequest request)
    {
        if (ExplicitManager(request) is { } manager)
        {
            return manager;
        }

        var userAgent = request.Headers.UserAgent.ToString();
        var product = userAgent.Split('/', 2)[0].Trim();
        if (product.Length == 0)
        {
            return DefaultManager;
        }

        return product.Length > MaxManagerLength ? product[..MaxManagerLength] : product;
    }

    /// <summary>Returns the <c>fieldManager</c> parameter, which server-side apply requires.</summary>
    /// <exception cref="ApiException">422 when it is missing, too long or not printable.</exception>
    public static string RequiredManagerOf(HttpRequest request) =>
        ExplicitManager(request) ?? throw Invalid(FieldViolationType.Required, "Required value: is required for apply patch; add ?fieldManager=NAME to the request");

    /// <summary>Reads <c>force</c>, which only server-side apply accepts.</summary>
    /// <exception cref="ApiException">422 when the value is not <c>true</c> or <c>false</c>.</exception>
    public static bool IsForce(HttpRequest request)
    {
        var text = request.Query["force"].ToString();
        return text switch
        {
            "" or "false" => false,
            "true" => true,
            _ => throw Invalid(FieldViolationType.Invalid, $"Invalid value: \"{text}\": must be true or false", "force"),
        };
    }

    /// <summary>Rejects <c>force</c> on a write that is not a server-side apply.</summary>
    public static void RejectForce(HttpRequest request)
    {
        if (request.Query.ContainsKey("force"))
        {
            throw Invalid(FieldViolationType.Forbidden, "Forbidden: may not be specified for non-apply patch", "force");
        }
    }

    private static string? ExplicitManager(HttpRequest request)
    {
        if (!request.Query.TryGetValue("fieldManager", out var values))
        {
            return null;
        }

        var manager = values.ToString();
        if (manager.Length == 0)
        {
            return null;
        }

        if (manager.Length > MaxManagerLength)
        {
            throw Invalid(FieldViolationType.TooLong, $"Too long: may not be longer than {MaxManagerLength}");
        }

        if (manager.Any(character => char.IsControl(character)))
        {
            throw Invalid(FieldViolationType.Invalid, "Invalid value: must contain only printable characters");
        }

        return manager;
    }

    private static ApiException Invalid(string type, string message, string field = "fieldManager") =>
        StatusObjects.Invalid("PatchOptions", string.Empty, [new FieldViolation(field, type, message)]);
}
