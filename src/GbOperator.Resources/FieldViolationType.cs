namespace GbOperator.Resources;

/// <summary>The Kubernetes cause types a <see cref="FieldViolation"/> can carry.</summary>
public static class FieldViolationType
{
    /// <summary>A required field is missing or empty.</summary>
    public const string Required = "FieldValueRequired";

    /// <summary>A value breaks a rule, such as a range or a format.</summary>
    public const string Invalid = "FieldValueInvalid";

    /// <summary>A value outside a fixed set of choices.</summary>
    public const string NotSupported = "FieldValueNotSupported";

    /// <summary>A value or key that must be unique appears twice.</summary>
    public const string Duplicate = "FieldValueDuplicate";

    /// <summary>A field that may not be set or changed.</summary>
    public const string Forbidden = "FieldValueForbidden";

    /// <summary>A value longer than its maximum length.</summary>
    public const string TooLong = "FieldValueTooLong";

    /// <summary>A reference to something that does not exist, such as a shard name no shard has.</summary>
    public const string NotFound = "FieldValueNotFound";

    /// <summary>A field the schema does not define.</summary>
    public const string Unknown = "FieldValueUnknown";

    /// <summary>A value of the wrong JSON type.</summary>
    public const string TypeInvalid = "FieldValueTypeInvalid";
}
