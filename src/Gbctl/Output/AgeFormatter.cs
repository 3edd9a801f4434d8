using System.Globalization;

namespace Gbctl.Output;

/// <summary>Formats durations the way kubectl's AGE column does (<c>45s</c>, <c>5m10s</c>, <c>3d4h</c>).</summary>
internal static class AgeFormatter
{
    /// <summary>Returns the age of an RFC 3339 timestamp relative to <paramref name="now"/>, or <c>&lt;unknown&gt;</c>.</summary>
    public static string FromTimestamp(string? timestamp, DateTimeOffset now)
    {
        if (timestamp is null
            || !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return "<unknown>";
        }

        return Format(now - created);
    }

    /// <summary>Returns a short human form of <paramref name="duration"/>, following Kubernetes' HumanDuration.</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)Math.Floor(duration.TotalSeconds);
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
            return $"{seconds}s";
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            var rest = seconds % 60;
            return rest == 0 ? $"{minutes}m" : $"{minutes}m{rest}s";
        }

        if (minutes < 60 * 3)
        {
            return $"{minutes}m";
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            var rest = minutes % 60;
            return rest == 0 ? $"{hours}h" : $"{hours}h{rest}m";
        }

        if (hours < 48)
        {
            return $"{hours}h";
        }

        if (hours < 24 * 8)
        {
            var rest = hours % 24;
            return rest == 0 ? $"{hours / 24}d" : $"{hours / 24}d{rest}h";
        }

        if (hours < 24 * 365 * 2)
        {
            return $"{hours / 24}d";
        }

        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? $"{hours / 24 / 365}y" : $"{hours / 24 / 365}y{days}d";
        }

        return $"{hours / 24 / 365}y";
    }
}
