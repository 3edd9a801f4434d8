using System.CommandLine;
using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Cli;
using GbOperator.Resources;

namespace Gbctl.Commands;

/// <summary><c>gbctl failover switchover</c>: a planned switchover of the PostgreSQL primary of a FailoverPolicy.</summary>
internal static class FailoverCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static Command Create(GlobalOptions options, CliContext context)
    {
        var policy = new Argument<string>("policy") { Description = "Name of the FailoverPolicy." };
        var to = new Option<string?>("--to") { Description = "Patroni member to promote; any healthy replica when omitted." };
        var timeout = new Option<string>("--timeout")
        {
            Description = "How long to wait for the primary and the BotClusters that use the policy to move, such as 2m.",
            DefaultValueFactory = _ => "2m",
        };

        var switchover = new Command("switchover",
            "Ask Patroni for a planned switchover, then wait until status.primary of the FailoverPolicy has moved and every BotCluster that references it points at the new primary.")
        {
            policy, to, timeout,
        };
        switchover.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) => SwitchoverAsync(session, result.GetValue(policy)!, result.GetValue(to), ParseTimeout(result.GetValue(timeout)!), token),
            cancellationToken));

        return new Command("failover", "Operate on the failover of a FailoverPolicy's database.") { switchover };
    }

    private static TimeSpan ParseTimeout(string text)
    {
        try
        {
            return DurationParser.Parse(text);
        }
        catch (CliException e)
        {
            throw new CliException($"invalid --timeout: {e.Message}");
        }
    }

    private static async Task<int> SwitchoverAsync(CommandSession session, string name, string? candidate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var kind = ResourceCatalog.FailoverPolicies;
        string path = ResourcePaths.Item(kind, session.Namespace, name);
        var policy = await session.Client.GetAsync(path, cancellationToken);

        // Check the request against what the controller last observed before asking Patroni.
        var endpoints = (policy["spec"]?["patroni"]?["endpoints"] as JsonArray ?? []).Select(node => (string?)node).OfType<string>().ToList();
        if (endpoints.Count == 0)
        {
            throw new CliException($"failoverpolicy/{name} lists no Patroni member in spec.patroni.endpoints; add the members' REST API URLs, such as http://127.0.0.1:8008.");
        }

        string? oldPrimary = PatroniSwitchover.ReadString(policy, "status", "primary");
        var members = PatroniSwitchover.Members(policy);
        var leader = members.FirstOrDefault(member => member.Role == "leader" && member.Endpoint == oldPrimary);
        if (oldPrimary is null || leader.Name is null)
        {
            throw new CliException($"failoverpolicy/{name} has no primary in its status, so there is nothing to switch over; wait until status.primary is set (gbctl get fp {name} -o yaml).");
        }

        string? candidateEndpoint = null;
        if (candidate is not null)
        {
            var target = members.FirstOrDefault(member => member.Name == candidate);
            if (target.Name is null)
            {
                throw new CliException($"--to '{candidate}' is not a member of failoverpolicy/{name}; its members are: {string.Join(", ", members.Select(member => member.Name))}.");
            }

            if (target.Name == leader.Name)
            {
                throw new CliException($"--to '{candidate}' is already the primary of failoverpolicy/{name}; name a replica.");
            }

            candidateEndpoint = target.Endpoint;
        }

        string message = await PatroniSwitchover.RequestAsync(endpoints, leader.Name, candidate, cancellationToken);
        await session.Out.WriteLineAsync($"failoverpolicy.{ApiGroup.Name}/{name} switchover from {leader.Name} requested: {message}");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            string newPrimary = await WaitForPrimaryAsync(session, path, oldPrimary, candidateEndpoint, deadline.Token);
            await session.Out.WriteLineAsync($"failoverpolicy.{ApiGroup.Name}/{name} primary moved from {oldPrimary} to {newPrimary}");
            await WaitForBotClustersAsync(session, name, newPrimary, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"timed out after {timeout} waiting for the switchover of failoverpolicy/{name} to take effect; check 'gbctl describe fp {name}', or wait longer with --timeout.");
        }

        return 0;
    }

    private static async Task<string> WaitForPrimaryAsync(CommandSession session, string path, string oldPrimary, string? expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            var policy = await session.Client.GetAsync(path, cancellationToken);
            string? primary = PatroniSwitchover.ReadString(policy, "status", "primary");
            if (primary is not null && primary != oldPrimary && (expected is null || primary == expected))
            {
                return primary;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Waits until every BotCluster that references the policy reports the new primary in status.endpoints.database.</summary>
    private static async Task WaitForBotClustersAsync(CommandSession session, string policyName, string primary, CancellationToken cancellationToken)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        string collection = ResourcePaths.Collection(ResourceCatalog.BotClusters, session.Namespace);
        while (true)
        {
            var list = await session.Client.GetAsync(collection, cancellationToken);
            var clusters = (list["items"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(cluster => PatroniSwitchover.ReadString(cluster, "spec", "failoverPolicyRef", "name") == policyName)
                .ToList();
            var waiting = new List<string>();
            foreach (var cluster in clusters)
            {
                string clusterName = PatroniSwitchover.ReadString(cluster, "metadata", "name") ?? "";
                if (PatroniSwitchover.ReadString(cluster, "status", "endpoints", "database") != primary)
                {
                    waiting.Add(clusterName);
                }
                else if (reported.Add(clusterName))
                {
                    await session.Out.WriteLineAsync($"botcluster.{ApiGroup.Name}/{clusterName} database endpoint moved to {primary}");
                }
            }

            if (waiting.Count == 0)
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
