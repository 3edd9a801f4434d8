using Gbctl.Cli;

namespace Gbctl.Commands;

/// <summary>The forms <c>-o</c> accepts.</summary>
internal enum OutputFormat
{
    Table,
    Wide,
    Yaml,
    Json,
    Name,
}

/// <summary>Parses the value of <c>-o</c>.</summary>
internal static class OutputFormats
{
    /// <summary>The values <c>-o</c> accepts, for help text.</summary>
    public const string Accepted = "yaml, json, wide or name";

    /// <summary>Returns the format named <paramref name="value"/>, or <see cref="OutputFormat.Table"/> when it is <c>null</c>.</summary>
    /// <exception cref="CliException">The value names no supported format.</exception>
    public static OutputFormat Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" => OutputFormat.Table,
        "wide" => OutputFormat.Wide,
        "yaml" => OutputFormat.Yaml,
        "json" => OutputFormat.Json,
        "name" => OutputFormat.Name,
        _ => throw new CliException($"unable to match a printer suitable for the output format \"{value}\": use {Accepted}."),
    };
}
