using System.CommandLine;
using System.CommandLine.Parsing;

namespace Gbctl.Cli;

/// <summary>
/// Turns a parse result into the error lines gbctl prints before running anything: the parser's own errors,
/// each once, with missing arguments named, and every word that looks like a flag but was taken as an argument.
/// </summary>
internal static class ParseProblems
{
    /// <summary>Returns the problems of <paramref name="result"/>, or an empty list when the command may run.</summary>
    public static IReadOnlyList<string> Describe(ParseResult result)
    {
        var problems = new List<string>();
        var missing = MissingArguments(result.CommandResult);
        if (missing.Count > 0)
        {
            problems.Add($"missing {(missing.Count == 1 ? "argument" : "arguments")} {string.Join(" ", missing.Select(a => $"<{a.Name}>"))} for '{result.CommandResult.Command.Name}'.");
        }

        // The parser reports each missing argument without its name; the line above replaces those errors.
        problems.AddRange(result.Errors
            .Where(e => !(e.SymbolResult is ArgumentResult argument && missing.Contains(argument.Argument))
                && !(missing.Count > 0 && e.SymbolResult is CommandResult))
            .Select(e => e.Message));
        problems.AddRange(UnrecognizedFlags(result).Select(flag => $"Unrecognized command or argument '{flag}'."));
        return problems.Distinct().ToList();
    }

    private static List<Argument> MissingArguments(CommandResult command) => command.Command.Arguments
        .Where(argument => argument.Arity.MinimumNumberOfValues > 0
            && (command.GetResult(argument)?.Tokens.Count ?? 0) < argument.Arity.MinimumNumberOfValues)
        .ToList();

    /// <summary>
    /// Returns the words starting with '-' that the parser gave to a command's arguments because no option has that name.
    /// Words after '--' are names by request, and a lone '-' means standard input, so neither is returned.
    /// </summary>
    private static IEnumerable<string> UnrecognizedFlags(ParseResult result)
    {
        var doubleDash = result.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var literal = doubleDash < 0 ? [] : result.Tokens.Skip(doubleDash + 1).ToHashSet(ReferenceEqualityComparer.Instance);
        var arguments = new List<Token>();
        for (SymbolResult? symbol = result.CommandResult; symbol is CommandResult command; symbol = command.Parent)
        {
            arguments.InsertRange(0, command.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens));
        }

        return arguments
            .Where(token => token.Value.Length > 1 && token.Value.StartsWith('-') && !literal.Contains(token))
            .Select(token => token.Value);
    }
}
