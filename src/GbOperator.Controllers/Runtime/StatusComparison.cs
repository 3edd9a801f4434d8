using System.Text.Json;
using GbOperator.Resources;
using k8s.Models;

namespace GbOperator.Controllers.Runtime;

/// <summary>Comparison of a stored status with a newly built one, so unchanged statuses cause no write.</summary>
public static class StatusComparison
{
    /// <summary>Returns whether two statuses are equal apart from the transition times of their conditions.</summary>
    public static bool EqualIgnoringTransitionTimes(ResourceStatus? stored, ResourceStatus built)
    {
        ArgumentNullException.ThrowIfNull(built);
        return stored is not null && Canonical(stored) == Canonical(built);
    }

    private static string Canonical(ResourceStatus status)
    {
        var withoutTimes = status with { Conditions = status.Conditions?.Select(WithoutTransitionTime).ToList() };
        return JsonSerializer.Serialize(withoutTimes, status.GetType(), ResourceCodec.SerializerOptions);
    }

    private static V1Condition WithoutTransitionTime(V1Condition condition) => new()
    {
        Type = condition.Type,
        Status = condition.Status,
        Reason = condition.Reason,
        Message = condition.Message,
        ObservedGeneration = condition.ObservedGeneration,
    };
}
