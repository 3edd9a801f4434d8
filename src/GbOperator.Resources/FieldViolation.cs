namespace GbOperator.Resources;

/// <summary>One problem with one field of an object, as a Kubernetes <c>StatusCause</c> reports it.</summary>
/// <param name="Field">Path of the field, such as <c>spec.autoscaling.minInstances</c> or <c>spec.shards[1].name</c>.</param>
/// <param name="Type">One of the <see cref="FieldViolationType"/> constants.</param>
/// <param name="Message">What is wrong and how to fix it, naming the rule.</param>
public sealed record FieldViolation(string Field, string Type, string Message)
{
    /// <summary>Formats the violation as <c>field: message</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
