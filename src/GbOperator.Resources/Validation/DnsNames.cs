using System.Text.RegularExpressions;

namespace GbOperator.Resources.Validation;

/// <summary>The Kubernetes name formats of RFC 1123.</summary>
internal static partial class DnsNames
{
    /// <summary>Longest DNS-1123 label.</summary>
    public const int LabelMaxLength = 63;

    /// <summary>Longest DNS-1123 subdomain.</summary>
    public const int SubdomainMaxLength = 253;

    /// <summary>
    /// Whether <paramref name="value"/> is a DNS-1123 label: at most 63 lower-case alphanumerics or '-',
    /// starting and ending with an alphanumeric.
    /// </summary>
    public static bool IsLabel(string value) => value.Length is > 0 and <= LabelMaxLength && Label().IsMatch(value);

    /// <summary>Whether <paramref name="value"/> is a DNS-1123 subdomain: at most 253 characters of labels joined by '.'.</summary>
    public static bool IsSubdomain(string value) =>
        value.Length is > 0 and <= SubdomainMaxLength && value.Split('.').All(label => label.Length > 0 && Label().IsMatch(label));

    /// <summary>Checks a DNS-1123 label field and adds a violation that names the rule when it fails.</summary>
    public static void CheckLabel(ViolationList violations, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Required(field, "required value: give a name of lower-case letters, digits and '-'");
        }
        else if (value.Length > LabelMaxLength)
        {
            violations.TooLong(field, LabelMaxLength);
        }
        else if (!IsLabel(value))
        {
            violations.Invalid(field,
                $"invalid name \"{value}\": a DNS-1123 label must consist of lower-case alphanumeric characters or '-', and must start and end with an alphanumeric character (such as 'my-name' or '123-abc')");
        }
    }

    /// <summary>Checks a DNS-1123 subdomain field and adds a violation that names the rule when it fails.</summary>
    public static void CheckSubdomain(ViolationList violations, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Required(field, "required value: give a name of lower-case letters, digits, '-' and '.'");
        }
        else if (value.Length > SubdomainMaxLength)
        {
            violations.TooLong(field, SubdomainMaxLength);
        }
        else if (!IsSubdomain(value))
        {
            violations.Invalid(field,
                $"invalid name \"{value}\": a DNS-1123 subdomain must consist of lower-case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (such as 'example.com')");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();
}
