namespace GbOperator.ApiServer.Selectors;

/// <summary>The operators of a Kubernetes label selector requirement.</summary>
internal enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

/// <summary>One requirement of a label selector, such as <c>tier in (web,api)</c> or <c>!canary</c>.</summary>
internal sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlySet<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Equals or LabelOperator.In => present && Values.Contains(value!),
            LabelOperator.NotEquals or LabelOperator.NotIn => !present || !Values.Contains(value!),
            LabelOperator.Exists => present,
            _ => !present,
        };
    }
}
