using System.CommandLine;
using Gbctl.Api;
using Gbctl.Cli;

namespace Gbctl.Commands;

/// <summary><c>gbctl version</c>: prints the client version and, unless <c>--client</c>, the server's.</summary>
internal static class VersionCommand
{
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var clientOnly = new Option<bool>("--client") { Description = "Print only the client version; the server is not contacted." };
        var command = new Command("version", "Print the client and server versions.") { clientOnly };

        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            async (session, token) =>
            {
                await session.Out.WriteLineAsync($"Client Version: {VersionInfo.ClientVersion}");
                if (result.GetValue(clientOnly))
                {
                    return 0;
                }

                var server = await session.Client.GetAsync("/version", token);
                await session.Out.WriteLineAsync($"Server Version: {(string?)server["gitVersion"] ?? "unknown"}");
                return 0;
            },
            cancellationToken));
        return command;
    }
}
