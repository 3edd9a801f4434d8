using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace GbOperator.Resources;

/// <summary>
/// Parses and formats durations in the Go and Kubernetes notation: a sequence of decimal numbers with units
/// <c>ms</c>, <c>s</c>, <c>m</c> and <c>h</c>, such as <c>30s</c>, <c>5m</c>, <c>1h30m</c> or <c>1.5s</c>.
/// </summary>
public static class Duration
{
    /// <summary>Parses <paramref name="text"/>. Returns <c>false</c> for an empty, unitless or malformed value.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var position = 0;
        var negative = false;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            position = 1;
        }

        // "0" without a unit is the only unitless value Go accepts.
        if (text[position..] == "0")
        {
            return true;
        }

        var ticks = 0m;
        var sawComponent = false;
        while (position < text.Length)
        {
            var numberStart = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            var number = text[numberStart..unitStart];
            var unit = text[unitStart..position];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1
                || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            decimal? ticksPerUnit = unit switch
            {
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => null,
            };
            if (ticksPerUnit is null)
            {
                return false;
            }

            ticks += amount * ticksPerUnit.Value;
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }

            sawComponent = true;
        }

        if (!sawComponent)
        {
            return false;
        }

        var whole = (long)decimal.Round(ticks);
        value = TimeSpan.FromTicks(negative ? -whole : whole);
        return true;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The value is not a duration such as <c>30s</c> or <c>1h30m</c>.</exception>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a duration; use a number with a unit, such as 500ms, 30s, 5m or 1h30m");

    /// <summary>Formats <paramref name="value"/> in the shortest unit sequence, such as <c>1h30m</c>, <c>45s</c> or <c>250ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (value < TimeSpan.Zero)
        {
            builder.Append('-');
            value = value.Negate();
        }

        AppendPart(builder, (long)value.TotalHours, "h");
        AppendPart(builder, value.Minutes, "m");
        AppendPart(builder, value.Seconds, "s");
        AppendPart(builder, value.Milliseconds, "ms");
        return builder.ToString();
    }

    private static void AppendPart(StringBuilder builder, long amount, string unit)
    {
        if (amount != 0)
        {
            builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
