namespace GbOperator.Resources;

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
