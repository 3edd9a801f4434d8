using Gbctl.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops a running watch or request cleanly, and a second one ends the process.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

return await GbctlCli.RunAsync(args, CliContext.FromConsole(), cancellation.Token);
