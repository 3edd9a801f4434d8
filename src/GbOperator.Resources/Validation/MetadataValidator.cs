using System.Text;
using System.Text.RegularExpressions;

namespace GbOperator.Resources.Validation;

/// <summary>The Kubernetes rules for <c>metadata.labels</c> and <c>metadata.annotations</c>.</summary>
/// <remarks>
/// The rules and messages follow apimachinery's <c>IsQualifiedName</c>, <c>IsValidLabelValue</c> and
/// <c>ValidateAnnotations</c>, so an object that passes here can also be reached by a label selector.
/// </remarks>
internal static partial class MetadataValidator
{
    /// <summary>Maximum length of the name part of a qualified name, and of a label value.</summary>
    public const int QualifiedNameMaxLength = 63;

    /// <summary>Maximum total size of all annotation keys and values, in bytes (256 KiB).</summary>
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    private const string LabelsField = "metadata.labels";

    private const string AnnotationsField = "metadata.annotations";

    private const string NameCharactersRule =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (such as 'MyName', 'my.name' or '123-abc')";

    /// <summary>Checks every label key and value and adds one violation for each broken rule.</summary>
    public static void CheckLabels(ViolationList violations, IDictionary<string, string>? labels)
    {
        if (labels is null)
        {
            return;
        }

        foreach (var (key, value) in labels)
        {
            CheckQualifiedName(violations, LabelsField, "label key", key);
            CheckLabelValue(violations, value);
        }
    }

    /// <summary>Checks every annotation key and the total size of the annotations.</summary>
    /// <remarks>Kubernetes lower-cases annotation keys before it checks them, so upper-case letters in the prefix are accepted.</remarks>
    public static void CheckAnnotations(ViolationList violations, IDictionary<string, string>? annotations)
    {
        if (annotations is null)
        {
            return;
        }

        long totalSize = 0;
        foreach (var (key, value) in annotations)
        {
            CheckQualifiedName(violations, AnnotationsField, "annotation key", key.ToLowerInvariant(), key);
            totalSize += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value ?? string.Empty);
        }

        if (totalSize > TotalAnnotationSizeLimit)
        {
            violations.Add(new FieldViolation(AnnotationsField, FieldViolationType.TooLong,
                $"annotations have {totalSize} bytes, but must have at most {TotalAnnotationSizeLimit} bytes; move large data out of annotations"));
        }
    }

    /// <summary>
    /// Checks a qualified name: an optional DNS-1123 subdomain prefix of at most 253 characters and '/', then a
    /// name part of at most 63 alphanumerics, '-', '_' or '.' that starts and ends with an alphanumeric.
    /// </summary>
    /// <param name="checkedKey">The key as checked, which for annotations is lower-cased.</param>
    /// <param name="shownKey">The key as the user wrote it, for the message; <paramref name="checkedKey"/> when absent.</param>
    private static void CheckQualifiedName(ViolationList violations, string field, string keyKind, string checkedKey, string? shownKey = null)
    {
        var messageStart = $"invalid {keyKind} \"{shownKey ?? checkedKey}\": ";
        var parts = checkedKey.Split('/');
        string name;

        if (parts.Length == 1)
        {
            name = parts[0];
        }
        else if (parts.Length == 2)
        {
            var dnsPrefix = parts[0];
            name = parts[1];

            if (dnsPrefix.Length == 0)
            {
                violations.Invalid(field, messageStart + "prefix part must be non-empty");
            }
            else if (dnsPrefix.Length > DnsNames.SubdomainMaxLength)
            {
                violations.Invalid(field, messageStart + $"prefix part must be no more than {DnsNames.SubdomainMaxLength} characters");
            }
            else if (!DnsNames.IsSubdomain(dnsPrefix))
            {
                violations.Invalid(field, messageStart +
                    "prefix part must be a DNS-1123 subdomain of lower-case alphanumeric characters, '-' or '.' that starts and ends with an alphanumeric character (such as 'example.com')");
            }
        }
        else
        {
            violations.Invalid(field, messageStart +
                "a qualified name must be a name part with an optional DNS subdomain prefix and '/', such as 'MyName' or 'example.com/MyName'");
            return;
        }

        if (name.Length == 0)
        {
            violations.Invalid(field, messageStart + "name part must be non-empty");
        }
        else if (name.Length > QualifiedNameMaxLength)
        {
            violations.Invalid(field, messageStart + $"name part must be no more than {QualifiedNameMaxLength} characters");
        }
        else if (!QualifiedNamePart().IsMatch(name))
        {
            violations.Invalid(field, messageStart + NameCharactersRule);
        }
    }

    /// <summary>Checks a label value: empty, or at most 63 alphanumerics, '-', '_' or '.' that start and end with an alphanumeric.</summary>
    private static void CheckLabelValue(ViolationList violations, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.Length > QualifiedNameMaxLength)
        {
            violations.Invalid(LabelsField,
                $"invalid label value \"{value}\": must be no more than {QualifiedNameMaxLength} characters");
        }
        else if (!QualifiedNamePart().IsMatch(value))
        {
            violations.Invalid(LabelsField,
                $"invalid label value \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (such as 'MyValue', 'my_value' or '12345')");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex QualifiedNamePart();
}
