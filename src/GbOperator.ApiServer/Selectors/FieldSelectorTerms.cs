using GbOperator.ApiServer.Http;

namespace GbOperator.ApiServer.Selectors;

/// <summary>The terms of a <c>fieldSelector</c> query value: <c>field=value</c>, <c>field==value</c> or <c>field!=value</c>.</summary>
internal static class FieldSelectorTerms
{
    /// <summary>Parses comma-separated terms, accepting only the fields in <paramref name="supportedFields"/>.</summary>
    /// <exception cref="ApiException">400 BadRequest for a malformed term or an unsupported field.</exception>
    public static IReadOnlyList<(string Field, string Value, bool Equal)> Parse(string text, IReadOnlyCollection<string> supportedFields)
    {
        var terms = new List<(string, string, bool)>();
        foreach (var rawTerm in text.Split(','))
        {
            var term = rawTerm.Trim();
            var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
            var equal = term.IndexOf('=', StringComparison.Ordinal);
            string field;
            string value;
            bool isEqual;
            if (notEqual > 0)
            {
                (field, value, isEqual) = (term[..notEqual], term[(notEqual + 2)..], false);
            }
            else if (equal > 0)
            {
                var valueStart = term.AsSpan(equal).StartsWith("==") ? equal + 2 : equal + 1;
                (field, value, isEqual) = (term[..equal], term[valueStart..], true);
            }
            else
            {
                throw StatusObjects.BadRequest($"invalid field selector \"{text}\": the term \"{term}\" is not of the form field=value, field==value or field!=value");
            }

            field = field.Trim();
            if (!supportedFields.Contains(field, StringComparer.Ordinal))
            {
                throw StatusObjects.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, value.Trim(), isEqual));
        }

        return terms;
    }
}
