using System.Text.Json.Nodes;

namespace GbOperator.Resources;

/// <summary>One document of a manifest file and where it starts.</summary>
/// <param name="Object">The document as a JSON object.</param>
/// <param name="Source">File name, or <c>-</c> for standard input.</param>
/// <param name="Line">1-based line at which the document starts.</param>
public sealed record Manifest(JsonObject Object, string Source, int Line);

/// <summary>Reads YAML or JSON manifests, one or many documents per text.</summary>
public static class ManifestReader
{
    /// <summary>
    /// Parses every non-empty document of <paramref name="text"/>, YAML or JSON.
    /// </summary>
    /// <exception cref="ManifestSyntaxException">Malformed YAML or JSON, a duplicate key, or a document that is not a mapping.</exception>
    public static IReadOnlyList<Manifest> Read(string text, string source) => throw new NotImplementedException();
}

/// <summary>A manifest that could not be parsed, with the position of the problem.</summary>
public sealed class ManifestSyntaxException(string source, int line, int column, string problem)
    : Exception($"{source}:{line}:{column}: {problem}")
{
    /// <summary>File name, or <c>-</c> for standard input.</summary>
    public string SourceName { get; } = source;

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; } = column;

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; } = problem;
}
