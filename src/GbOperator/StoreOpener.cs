using GbOperator.Storage;
using Serilog.Extensions.Logging;

namespace GbOperator;

/// <summary>Opens the store of <c>serve</c> and checks that it responds before the API server starts.</summary>
internal static class StoreOpener
{
    /// <summary>Key of the read that checks the store: any key works because a missing key is a valid result.</summary>
    private const string ProbeKey = "/gb-operator/startup-probe";

    /// <summary>
    /// Opens the store at <paramref name="url"/> and reads one key within <paramref name="timeout"/>.
    /// Logs one line and returns no store when the URL is invalid or the SQLite folder of a URL that the user gave
    /// is missing (exit code 2), or when the store does not respond in time (exit code 1).
    /// </summary>
    public static async Task<(IResourceStore? Store, int ExitCode)> OpenAsync(
        string url, bool givenByUser, TimeSpan timeout, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        if (givenByUser && MissingSqliteFolder(url) is { } folder)
        {
            log.Error("Invalid --store {StoreUrl}: the folder {Folder} does not exist; create it or choose another path", Redact(url), folder);
            return (null, 2);
        }

        IResourceStore store;
        try
        {
            store = ResourceStoreFactory.Open(url, new SerilogLoggerFactory(Serilog.Log.Logger));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or NotSupportedException or StoreException)
        {
            log.Error("Opening the store {StoreUrl} failed: {Problem}", Redact(url), exception.Message);
            return (null, 2);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await store.GetAsync(ProbeKey, deadline.Token);
            return (store, 0);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            var problem = deadline.IsCancellationRequested ? $"no answer within {timeout}." : exception.Message;
            log.Error("Start-up failed because the store {StoreUrl} is not reachable: {Problem} Fix --store, or wait longer with --store-timeout", Redact(url), problem);
            await store.DisposeAsync();
            return (null, 1);
        }
    }

    /// <summary>Returns the store URL without a user name or password, for logging.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? url.Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal)
            : url;

    /// <summary>Returns the folder of an SQLite store URL when that folder does not exist, else <c>null</c>.</summary>
    private static string? MissingSqliteFolder(string url)
    {
        StoreUrl parsed;
        try
        {
            parsed = StoreUrl.Parse(url);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            // ResourceStoreFactory.Open reports the invalid URL.
            return null;
        }

        var folder = parsed.Backend == StoreBackend.Sqlite ? Path.GetDirectoryName(Path.GetFullPath(parsed.Path!)) : null;
        return folder is not null && !Directory.Exists(folder) ? folder : null;
    }
}
