using GbOperator.ApiServer.Http;

namespace GbOperator.ApiServer.Patching;

/// <summary>JSON pointers (RFC 6901) as lists of unescaped reference tokens.</summary>
internal static class JsonPointer
{
    public static IReadOnlyList<string> Parse(string pointer, int operationIndex)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw StatusObjects.BadRequest($"JSON patch operation {operationIndex} has the path \"{pointer}\", which does not start with '/'");
        }

        return pointer[1..]
            .Split('/')
            .Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToList();
    }

    public static string Format(IEnumerable<string> tokens) =>
        string.Concat(tokens.Select(token => "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
}
