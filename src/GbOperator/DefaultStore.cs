namespace GbOperator;

/// <summary>Where the embedded SQLite store lives when no <c>--store</c> is given.</summary>
internal static class DefaultStore
{
    /// <summary>
    /// Returns <c>sqlite://</c> and the database path: <c>$GBO_STATE_DIR/gb-operator.db</c> when the variable is set,
    /// else <c>/var/lib/gb-operator/state.db</c> for root, else <c>~/.gb/state.db</c>.
    /// </summary>
    public static string SqliteUrl()
    {
        var stateDirectory = Environment.GetEnvironmentVariable("GBO_STATE_DIR");
        string path;
        if (!string.IsNullOrEmpty(stateDirectory))
        {
            path = Path.Combine(stateDirectory, "gb-operator.db");
        }
        else if (Environment.IsPrivilegedProcess)
        {
            path = "/var/lib/gb-operator/state.db";
        }
        else
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".gb", "state.db");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return "sqlite://" + path;
    }
}
