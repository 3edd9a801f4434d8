using System.Reflection;

namespace Gbctl.Cli;

/// <summary>The gbctl build version.</summary>
internal static class VersionInfo
{
    /// <summary>Informational version of the gbctl assembly, without the source-revision suffix.</summary>
    public static string ClientVersion { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var version = typeof(VersionInfo).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return "v" + (plus < 0 ? version : version[..plus]);
    }
}
