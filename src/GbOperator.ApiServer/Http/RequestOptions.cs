using System.Globalization;
using GbOperator.ApiServer.Registry;
using GbOperator.ApiServer.Selectors;
using GbOperator.Resources;
using Microsoft.AspNetCore.Http;

namespace GbOperator.ApiServer.Http;

/// <summary>Parsers of the query parameters Kubernetes clients send.</summary>
internal static class RequestOptions
{
    /// <summary>Reads <c>dryRun</c>: absent means a real write, <c>All</c> a dry run, anything else is 422.</summary>
    public static bool IsDryRun(HttpRequest request, string optionsKind)
    {
        var values = request.Query["dryRun"];
        if (values.Count == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (value != "All")
            {
                throw StatusObjects.Invalid(optionsKind, string.Empty, [new FieldViolation("dryRun", FieldViolationType.NotSupported, $"Unsupported value: \"{value}\": supported values: \"All\"")]);
            }
        }

        return true;
    }

    public static bool IsWatch(HttpRequest request) =>
        request.Query["watch"].ToString() is "true" or "1" or "True";

    public static bool Flag(HttpRequest request, string name) =>
        request.Query[name].ToString() is "true" or "1" or "True";

    public static ListQuery ParseListQuery(HttpRequest request)
    {
        var labels = LabelSelector.Parse(request.Query["labelSelector"].ToString());
        var fields = FieldSelector.Parse(request.Query["fieldSelector"].ToString());
        var limit = (int)Math.Min(ParseNonNegative(request, "limit") ?? 0, int.MaxValue);
        var continueToken = request.Query["continue"].ToString();
        var exactRevision = 0L;
        if (request.Query["resourceVersionMatch"].ToString() == "Exact")
        {
            exactRevision = ParseNonNegative(request, "resourceVersion")
                ?? throw StatusObjects.BadRequest("resourceVersionMatch=Exact requires a resourceVersion");
        }

        return new ListQuery(labels, fields, limit, string.IsNullOrEmpty(continueToken) ? null : continueToken, exactRevision);
    }

    /// <summary>Reads a non-negative integer query parameter; <c>null</c> when it is absent or empty.</summary>
    public static long? ParseNonNegative(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw StatusObjects.BadRequest($"invalid value \"{text}\" of the query parameter {name}: expected a non-negative integer");
        }

        return value;
    }
}
