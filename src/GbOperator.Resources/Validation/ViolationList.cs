namespace GbOperator.Resources.Validation;

/// <summary>Collects violations and contains the checks that several kinds share.</summary>
internal sealed class ViolationList : List<FieldViolation>
{
    public void Required(string field, string message) => Add(new FieldViolation(field, FieldViolationType.Required, message));

    public void Invalid(string field, string message) => Add(new FieldViolation(field, FieldViolationType.Invalid, message));

    public void NotSupported(string field, string value, IEnumerable<string> supported) =>
        Add(new FieldViolation(field, FieldViolationType.NotSupported,
            $"unsupported value \"{value}\": must be one of {string.Join(", ", supported.Select(s => $"\"{s}\""))}"));

    public void Duplicate(string field, string value) =>
        Add(new FieldViolation(field, FieldViolationType.Duplicate, $"duplicate value \"{value}\": each entry must be unique"));

    public void TooLong(string field, int maximum) =>
        Add(new FieldViolation(field, FieldViolationType.TooLong, $"must be no more than {maximum} characters"));

    /// <summary>Checks that <paramref name="value"/> lies in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public void Range(string field, long value, long minimum, long maximum)
    {
        if (value < minimum || value > maximum)
        {
            Invalid(field, $"must be between {minimum} and {maximum}, not {value}");
        }
    }

    public void AtLeast(string field, long value, long minimum)
    {
        if (value < minimum)
        {
            Invalid(field, $"must be greater than or equal to {minimum}, not {value}");
        }
    }

    public void Percentage(string field, int value) => Range(field, value, 1, 100);

    public void Port(string field, int value) => Range(field, value, 1, 65535);

    public void OneOf(string field, string value, IReadOnlyList<string> supported)
    {
        if (!supported.Contains(value, StringComparer.Ordinal))
        {
            NotSupported(field, value, supported);
        }
    }

    /// <summary>Checks a required duration field that may be zero, such as a stabilization window.</summary>
    public void NonNegativeDuration(string field, string text)
    {
        if (!Duration.TryParse(text, out var value))
        {
            Invalid(field, $"invalid duration \"{text}\": use a number with a unit, such as 0s, 30s, 5m or 1h30m");
        }
        else if (value < TimeSpan.Zero)
        {
            Invalid(field, $"must be zero or a positive duration, not \"{text}\"");
        }
    }

    /// <summary>Checks a duration field and returns its value, or <c>null</c> when it is absent or invalid.</summary>
    public TimeSpan? PositiveDuration(string field, string? text, bool required = true)
    {
        if (text is null)
        {
            if (required)
            {
                Required(field, "required value: give a duration such as 30s");
            }

            return null;
        }

        if (!Duration.TryParse(text, out var value))
        {
            Invalid(field, $"invalid duration \"{text}\": use a number with a unit, such as 500ms, 30s, 5m or 1h30m");
            return null;
        }

        if (value <= TimeSpan.Zero)
        {
            Invalid(field, $"must be a positive duration, not \"{text}\"");
            return null;
        }

        return value;
    }

    public void NotEmpty(string field, string? value, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Required(field, $"required value: give {example}");
        }
    }

    /// <summary>Checks an endpoint written as <c>host:port</c>.</summary>
    public void HostPort(string field, string? value)
    {
        if (!NetworkAddress.TryParseHostPort(value, out _, out _))
        {
            Invalid(field, $"invalid endpoint \"{value}\": write host:port with a port from 1 to 65535, such as 127.0.0.1:5432");
        }
    }

    public void UniqueNames(string listField, IEnumerable<string> names, string memberName = "name")
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                Duplicate(memberName.Length == 0 ? $"{listField}[{index}]" : $"{listField}[{index}].{memberName}", name);
            }

            index++;
        }
    }
}
