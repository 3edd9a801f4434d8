namespace GbOperator.Resources;

/// <summary>The Kubernetes cause types a <see cref="FieldViolation"/> can carry.</summary>
public static class FieldViolationType
{
    public const string Required = "FieldValueRequired";
    public const string Invalid = "FieldValueInvalid";
    public const string NotSupported = "FieldValueNotSupported";
    public const string Duplicate = "FieldValueDuplicate";
    public const string Forbidden = "FieldValueForbidden";
    public const string TooLong = "FieldValueTooLong";

    /// <summary>A reference to something that does not exist, such as a shard name no shard has.</summary>
    public const string NotFound = "FieldValueNotFound";

    /// <summary>A field the schema does not define.</summary>
    public const string Unknown = "FieldValueUnknown";

    /// <summary>A value of the wrong JSON type.</summary>
    public const string TypeInvalid = "FieldValueTypeInvalid";
}

/// <summary>One problem with one field of an object, as a Kubernetes <c>StatusCause</c> reports it.</summary>
/// <param name="Field">Path of the field, such as <c>spec.autoscaling.minInstances</c> or <c>spec.shards[1].name</c>.</param>
/// <param name="Type">One of the <see cref="FieldViolationType"/> constants.</param>
/// <param name="Message">What is wrong and how to fix it, naming the rule.</param>
public sealed record FieldViolation(string Field, string Type, string Message)
{
    /// <summary>Formats the violation as <c>field: message</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
