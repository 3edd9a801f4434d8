using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;

namespace GbOperator.ApiServer.FieldManagement;

/// <summary>Builds the 409 Conflict that Kubernetes returns for an apply that would change fields of other managers.</summary>
internal static class ApplyConflicts
{
    private const string CauseReason = "FieldManagerConflict";

    /// <summary>Returns whether the exception reports field conflicts, which a retry cannot resolve.</summary>
    public static bool IsApplyConflict(ApiException exception) =>
        exception.Details?["causes"] is JsonArray causes
        && causes.Any(cause => cause?["reason"]?.GetValue<string>() == CauseReason);

    public static ApiException ToException(IReadOnlyList<FieldConflict> conflicts)
    {
        var ordered = conflicts
            .OrderBy(conflict => conflict.Manager, StringComparer.Ordinal)
            .ThenBy(conflict => conflict.Field.ToString(), StringComparer.Ordinal)
            .ToList();
        var causes = new JsonArray();
        foreach (var conflict in ordered)
        {
            causes.Add(new JsonObject
            {
                ["reason"] = CauseReason,
                ["message"] = $"conflict with \"{conflict.Manager}\"",
                ["field"] = conflict.Field.ToString(),
            });
        }

        var listed = string.Join(", ", ordered.Select(conflict => $"conflict with \"{conflict.Manager}\": {conflict.Field}"));
        var noun = ordered.Count == 1 ? "conflict" : "conflicts";
        var message = $"Apply failed with {ordered.Count} {noun}: {listed}. "
            + "Leave these fields out of the configuration, or take ownership of them by applying again with force=true (gbctl apply --server-side --force-conflicts)";
        return new ApiException(409, "Conflict", message, new JsonObject { ["causes"] = causes });
    }
}
