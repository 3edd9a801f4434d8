using System.CommandLine.Parsing;
using GbOperator.Resources;

namespace GbOperator;

/// <summary>Parsers of <c>serve</c> option values that name the option and the accepted forms in their errors.</summary>
internal static class ServeOptionParsers
{
    /// <summary>Parses a positive duration such as <c>1h</c>, <c>30m</c> or <c>90s</c>, or the older form <c>01:00:00</c>.</summary>
    public static TimeSpan PositiveDuration(ArgumentResult result, string optionName)
    {
        var text = result.Tokens.Single().Value;
        if ((Duration.TryParse(text, out var value) || TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out value))
            && value > TimeSpan.Zero)
        {
            return value;
        }

        result.AddError($"invalid value '{text}' for {optionName}: use a positive duration such as 1h, 30m, 90s or 1h30m.");
        return TimeSpan.Zero;
    }

    /// <summary>Parses <c>true</c> or <c>false</c> in any case into <c>"true"</c> or <c>"false"</c>; the option alone means <c>"true"</c>.</summary>
    public static string Boolean(ArgumentResult result, string optionName)
    {
        if (result.Tokens.Count == 0)
        {
            return "true";
        }

        var text = result.Tokens.Single().Value;
        if (bool.TryParse(text, out var value))
        {
            return value ? "true" : "false";
        }

        result.AddError($"invalid value '{text}' for {optionName}: use true or false.");
        return "false";
    }
}
