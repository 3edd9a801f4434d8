namespace Gbctl.Cli;

/// <summary>The streams and environment one gbctl invocation reads and writes.</summary>
/// <param name="In">Standard input, read by <c>-f -</c>.</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="GetEnvironmentVariable">Looks up an environment variable such as <c>GBCONFIG</c>, returning <c>null</c> when it is unset.</param>
/// <param name="HomeDirectory">Home folder, which contains <c>.gb/config</c>.</param>
public sealed record CliContext(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    string HomeDirectory)
{
    /// <summary>Creates a context bound to the process console and environment.</summary>
    public static CliContext FromConsole() => new(
        Console.In,
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        HomeFromEnvironment());

    private static string HomeFromEnvironment()
    {
        // HOME wins even when the folder does not exist yet, so messages name the path the user expects.
        var home = Environment.GetEnvironmentVariable("HOME");
        return string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home;
    }
}
