using System.CommandLine;
using Gbctl.Api;

namespace Gbctl.Cli;

/// <summary>Runs a command body and turns its failures into kubectl-style messages and exit codes.</summary>
internal static class CommandRunner
{
    /// <summary>Exit code of a failed command.</summary>
    public const int Failure = 1;

    /// <summary>Creates the session, runs <paramref name="body"/> and reports what it throws.</summary>
    /// <param name="failureCode">Exit code for errors. <c>diff</c> uses 2 because 1 means "differences found".</param>
    public static async Task<int> RunAsync(
        ParseResult result,
        GlobalOptions options,
        CliContext context,
        Func<CommandSession, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken,
        int failureCode = Failure)
    {
        try
        {
            using var session = CommandSession.Open(result, options, context);
            return await body(session, cancellationToken);
        }
        catch (ApiException e)
        {
            await context.Error.WriteLineAsync(e.Describe());
            return failureCode;
        }
        catch (ServerUnreachableException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return failureCode;
        }
        catch (CliException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return failureCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return failureCode;
        }
    }
}
