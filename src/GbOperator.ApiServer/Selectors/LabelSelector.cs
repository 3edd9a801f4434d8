using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Registry;

namespace GbOperator.ApiServer.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c> query value: comma-separated requirements that must all hold
/// (<c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>).
/// </summary>
internal sealed partial class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => Requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>Parses a selector.</summary>
    /// <exception cref="ApiException">400 BadRequest naming the invalid part.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var term in SplitTerms(text))
        {
            requirements.Add(ParseTerm(term.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    public bool Matches(JsonObject json)
    {
        if (Requirements.Count == 0)
        {
            return true;
        }

        var labels = ObjectMetadata.GetLabels(json);
        return Requirements.All(requirement => requirement.Matches(labels));
    }

    private static List<string> SplitTerms(string text)
    {
        var terms = new List<string>();
        var depth = 0;
        var start = 0;
        for (var index = 0; index < text.Length; index++)
        {
            switch (text[index])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    terms.Add(text[start..index]);
                    start = index + 1;
                    break;
            }
        }

        terms.Add(text[start..]);
        return terms;
    }

    private static LabelRequirement ParseTerm(string term, string selector)
    {
        var match = SetTerm().Match(term);
        if (match.Success)
        {
            var values = match.Groups["values"].Value
                .Split(',', StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var value in values)
            {
                CheckValue(value, selector);
            }

            var key = CheckKey(match.Groups["key"].Value, selector);
            var op = match.Groups["op"].Value == "in" ? LabelOperator.In : LabelOperator.NotIn;
            return new LabelRequirement(key, op, values);
        }

        match = CompareTerm().Match(term);
        if (match.Success)
        {
            var key = CheckKey(match.Groups["key"].Value, selector);
            var value = CheckValue(match.Groups["value"].Value, selector);
            var op = match.Groups["op"].Value == "!=" ? LabelOperator.NotEquals : LabelOperator.Equals;
            return new LabelRequirement(key, op, new HashSet<string>(StringComparer.Ordinal) { value });
        }

        if (term.StartsWith('!'))
        {
            return new LabelRequirement(CheckKey(term[1..].Trim(), selector), LabelOperator.DoesNotExist, new HashSet<string>());
        }

        return new LabelRequirement(CheckKey(term, selector), LabelOperator.Exists, new HashSet<string>());
    }

    private static string CheckKey(string key, string selector)
    {
        if (!LabelKey().IsMatch(key) || key.Length > 317)
        {
            throw StatusObjects.BadRequest($"unable to parse requirement: invalid label key \"{key}\" in selector \"{selector}\": a key is an optional DNS subdomain prefix and '/', then a name of up to 63 characters [A-Za-z0-9_.-] that starts and ends with an alphanumeric character");
        }

        return key;
    }

    private static string CheckValue(string value, string selector)
    {
        if (value.Length > 63 || (value.Length > 0 && !LabelValue().IsMatch(value)))
        {
            throw StatusObjects.BadRequest($"unable to parse requirement: invalid label value \"{value}\" in selector \"{selector}\": a value has up to 63 characters [A-Za-z0-9_.-] and starts and ends with an alphanumeric character");
        }

        return value;
    }

    [GeneratedRegex(@"^(?<key>[^\s!=()]+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex SetTerm();

    [GeneratedRegex(@"^(?<key>[^\s!=()]+)\s*(?<op>==|=|!=)\s*(?<value>[^\s!=(),]*)$")]
    private static partial Regex CompareTerm();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
