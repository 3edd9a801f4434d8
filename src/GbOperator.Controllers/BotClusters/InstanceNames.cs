using System.Text;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Generates LXD instance names for a BotCluster.</summary>
internal static class InstanceNames
{
    private const int MaxPrefixLength = 50;

    /// <summary>
    /// Returns <c>&lt;name&gt;-&lt;6 hex digits&gt;</c>, valid for LXD: at most 63 letters, digits and hyphens,
    /// starting with a letter. Dots become hyphens, and a name that starts with a digit gets the prefix <c>gb-</c>.
    /// </summary>
    public static string Generate(string clusterName, Random random)
    {
        var prefix = new StringBuilder();
        foreach (char character in clusterName)
        {
            prefix.Append(char.IsAsciiLetterOrDigit(character) ? char.ToLowerInvariant(character) : '-');
        }

        string text = prefix.ToString().Trim('-');
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            text = "gb-" + text;
        }

        if (text.Length > MaxPrefixLength)
        {
            text = text[..MaxPrefixLength].TrimEnd('-');
        }

        return $"{text}-{random.Next(0, 0x1000000):x6}";
    }
}
