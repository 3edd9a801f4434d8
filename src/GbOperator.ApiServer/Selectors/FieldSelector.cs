using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Registry;

namespace GbOperator.ApiServer.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c> query value. Custom resources support only <c>metadata.name</c> and
/// <c>metadata.namespace</c>, with <c>=</c>, <c>==</c> and <c>!=</c>.
/// </summary>
internal sealed class FieldSelector
{
    private static readonly string[] SupportedFields = ["metadata.name", "metadata.namespace"];

    private readonly IReadOnlyList<(string Field, string Value, bool Equal)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, string Value, bool Equal)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>Parses a selector.</summary>
    /// <exception cref="ApiException">400 BadRequest for a malformed term or an unsupported field.</exception>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = FieldSelectorTerms.Parse(text, SupportedFields);
        return new FieldSelector(terms);
    }

    /// <summary>Returns the name that every match must have, when the selector pins one.</summary>
    public string? RequiredName =>
        _terms.Where(term => term.Equal && term.Field == "metadata.name").Select(term => term.Value).FirstOrDefault();

    public bool Matches(JsonObject json)
    {
        foreach (var (field, value, equal) in _terms)
        {
            var actual = field == "metadata.name"
                ? ObjectMetadata.GetString(json, "name")
                : ObjectMetadata.GetString(json, "namespace");
            if (string.Equals(actual ?? string.Empty, value, StringComparison.Ordinal) != equal)
            {
                return false;
            }
        }

        return true;
    }
}
