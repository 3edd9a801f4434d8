namespace GbOperator.Resources;

/// <summary>Validation rules of the served kinds: names, ranges, ports, durations, shard ranges.</summary>
public static class ResourceValidator
{
    /// <summary>Checks every rule on a decoded object, metadata name and namespace included.</summary>
    /// <returns>Every violation found, empty when the object is valid.</returns>
    public static IReadOnlyList<FieldViolation> Validate(Resource resource) => throw new NotImplementedException();
}
