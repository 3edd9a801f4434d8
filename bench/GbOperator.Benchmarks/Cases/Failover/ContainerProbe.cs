using System.Globalization;

namespace GbOperator.Benchmarks.Cases.Failover;

/// <summary>
/// Finds the PostgreSQL server behind a container's own 127.0.0.1 by running psql inside the container's
/// network namespace with <c>nsenter</c>, so the connection goes through the container's proxy device.
/// </summary>
internal sealed class ContainerProbe(string instance, long initPid)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    public string Instance => instance;

    /// <summary>
    /// Retries until the server on the container's 127.0.0.1:<paramref name="port"/> is the one that listens on
    /// <paramref name="expectedPort"/> on the host, in the role given by <paramref name="primary"/>.
    /// </summary>
    public async Task WaitForServerAsync(int port, string expectedPort, bool primary, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string expected = $"{expectedPort}|{(primary ? "f" : "t")}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string answer = "";
        try
        {
            while ((answer = await AskAsync(port, deadline.Token)) != expected)
            {
                // A retry interval between connection attempts, not a synchronisation: the loop ends on the condition.
                await Task.Delay(RetryInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{instance}'s 127.0.0.1:{port} did not reach the {(primary ? "primary" : "replica")} on port {expectedPort} within {timeout.TotalSeconds:0} s; last answer: '{answer}'.");
        }
    }

    /// <summary>Returns <c>PORT|f</c> from a primary, <c>PORT|t</c> from a replica, or psql's error.</summary>
    private async Task<string> AskAsync(int port, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-t", initPid.ToString(CultureInfo.InvariantCulture), "-n",
            "psql", "-X", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "dbname=postgres connect_timeout=5", "-At",
            "-c", "select inet_server_port(), pg_is_in_recovery()",
        ];
        try
        {
            var (exitCode, output, error) = await ProcessRunner.RunAsync("nsenter", arguments, CommandTimeout, cancellationToken);
            return exitCode == 0 ? output.Trim() : error.Trim();
        }
        catch (TimeoutException exception)
        {
            return exception.Message;
        }
    }
}
