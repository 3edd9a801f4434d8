using System.Globalization;
using System.Text.RegularExpressions;

namespace Gbctl.Cli;

/// <summary>Parses durations written as Go does (<c>30s</c>, <c>2m</c>, <c>1h30m</c>) or as a .NET time span (<c>00:02:00</c>).</summary>
internal static partial class DurationParser
{
    /// <summary>Returns the duration <paramref name="text"/> denotes, where a bare <c>0</c> is zero.</summary>
    /// <exception cref="CliException">The text is no duration.</exception>
    public static TimeSpan Parse(string text)
    {
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var match = GoDuration().Match(text);
        if (match.Success && match.Length > 0)
        {
            var total = TimeSpan.Zero;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unit = part.Value.TrimStart("0123456789.".ToCharArray());
                var amount = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
                total += unit switch
                {
                    "ms" => TimeSpan.FromMilliseconds(amount),
                    "s" => TimeSpan.FromSeconds(amount),
                    "m" => TimeSpan.FromMinutes(amount),
                    _ => TimeSpan.FromHours(amount),
                };
            }

            return total;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            return span;
        }

        throw new CliException($"invalid duration \"{text}\": use a number with a unit such as 30s, 5m or 1h.");
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h))+$")]
    private static partial Regex GoDuration();
}
