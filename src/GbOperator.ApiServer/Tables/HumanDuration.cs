using System.Globalization;

namespace GbOperator.ApiServer.Tables;

/// <summary>Formats ages the way kubectl and kube-apiserver print them: <c>7s</c>, <c>5m</c>, <c>3h4m</c>, <c>3d4h</c>, <c>2y</c>.</summary>
internal static class HumanDuration
{
    /// <summary>Formats <paramref name="age"/> with the rounding rules of apimachinery's <c>duration.HumanDuration</c>.</summary>
    public static string Format(TimeSpan age)
    {
        var seconds = (long)Math.Floor(age.TotalSeconds);
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60 * 2)
        {
            return Text(seconds, "s");
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            var remainder = seconds % 60;
            return remainder == 0 ? Text(minutes, "m") : Text(minutes, "m") + Text(remainder, "s");
        }

        if (minutes < 60 * 3)
        {
            return Text(minutes, "m");
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            var remainder = minutes % 60;
            return remainder == 0 ? Text(hours, "h") : Text(hours, "h") + Text(remainder, "m");
        }

        if (hours < 48)
        {
            return Text(hours, "h");
        }

        if (hours < 24 * 8)
        {
            var remainder = hours % 24;
            return remainder == 0 ? Text(hours / 24, "d") : Text(hours / 24, "d") + Text(remainder, "h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Text(hours / 24, "d");
        }

        if (hours < 24 * 365 * 8)
        {
            var days = (hours / 24) % 365;
            return days == 0 ? Text(hours / 24 / 365, "y") : Text(hours / 24 / 365, "y") + Text(days, "d");
        }

        return Text(hours / 24 / 365, "y");
    }

    private static string Text(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
