using System.Globalization;

namespace GbOperator.Infrastructure.Caddy;

/// <summary>Reads samples from the Prometheus text exposition format (version 0.0.4), as Caddy's <c>/metrics</c> returns it.</summary>
/// <remarks>Comments, <c># HELP</c> and <c># TYPE</c> lines and timestamps are skipped. A line that cannot be read throws <see cref="FormatException"/>.</remarks>
public static class PrometheusTextParser
{
    /// <summary>Returns every sample in <paramref name="text"/>.</summary>
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            samples.Add(ParseLine(line));
        }

        return samples;
    }

    private static PrometheusSample ParseLine(string line)
    {
        int brace = line.IndexOf('{', StringComparison.Ordinal);
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        string name;
        string rest;
        if (brace >= 0 && (space < 0 || brace < space))
        {
            name = line[..brace];
            int end = ReadLabels(line, brace + 1, labels);
            rest = line[(end + 1)..].Trim();
        }
        else if (space > 0)
        {
            name = line[..space];
            rest = line[(space + 1)..].Trim();
        }
        else
        {
            throw new FormatException($"Invalid Prometheus sample line '{line}': expected a metric name and a value.");
        }

        string valueText = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            value = valueText switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => throw new FormatException($"Invalid Prometheus sample value '{valueText}' in line '{line}'."),
            };
        }

        return new PrometheusSample(name, labels, value);
    }

    /// <summary>Reads <c>name="value"</c> pairs from <paramref name="start"/> and returns the index of the closing brace.</summary>
    private static int ReadLabels(string line, int start, Dictionary<string, string> labels)
    {
        int position = start;
        while (position < line.Length && line[position] != '}')
        {
            int equals = line.IndexOf('=', position);
            if (equals < 0 || equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                throw new FormatException($"Invalid Prometheus labels in line '{line}': expected name=\"value\".");
            }

            string labelName = line[position..equals].Trim();
            var value = new System.Text.StringBuilder();
            position = equals + 2;
            while (position < line.Length && line[position] != '"')
            {
                if (line[position] == '\\' && position + 1 < line.Length)
                {
                    position++;
                    value.Append(line[position] == 'n' ? '\n' : line[position]);
                }
                else
                {
                    value.Append(line[position]);
                }

                position++;
            }

            labels[labelName] = value.ToString();
            position++;
            if (position < line.Length && line[position] == ',')
            {
                position++;
            }
        }

        if (position >= line.Length)
        {
            throw new FormatException($"Invalid Prometheus labels in line '{line}': missing '}}'.");
        }

        return position;
    }
}
