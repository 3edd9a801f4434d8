using k8s.Models;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Builds status conditions and keeps <c>lastTransitionTime</c> while a condition's status is unchanged.</summary>
internal sealed class ConditionSet(IReadOnlyList<V1Condition>? previous, long? generation, DateTimeOffset now)
{
    private readonly List<V1Condition> _conditions = [];

    public IReadOnlyList<V1Condition> Conditions => _conditions;

    public ConditionSet Set(string type, bool status, string reason, string message)
    {
        string value = status ? "True" : "False";
        var old = previous?.FirstOrDefault(condition => condition.Type == type);
        _conditions.Add(new V1Condition
        {
            Type = type,
            Status = value,
            Reason = reason,
            Message = message,
            ObservedGeneration = generation,
            LastTransitionTime = old is not null && old.Status == value ? old.LastTransitionTime : now.UtcDateTime,
        });
        return this;
    }
}
