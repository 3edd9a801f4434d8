namespace GbOperator.Tests.Failover;

/// <summary>
/// A Patroni cluster of its own for one test class, started with <c>hack/patroni.sh</c> in a temporary folder, so a
/// test may kill or stop members without disturbing the shared environment.
/// </summary>
public sealed class PatroniSet : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Folder with every member's files.</summary>
    public string Folder { get; } = HackScript.CreateStateFolder("gbo-pt");

    /// <summary>REST API base URLs of the members, in member order (pg0, pg1).</summary>
    public IReadOnlyList<Uri> Endpoints { get; private set; } = [];

    /// <summary>Patroni scope.</summary>
    public string Scope { get; private set; } = "";

    /// <summary>Patroni namespace in etcd.</summary>
    public string Namespace { get; private set; } = "";

    /// <summary>Client endpoint of the set's etcd as <c>host:port</c>.</summary>
    public string Etcd { get; private set; } = "";

    /// <summary>Member names, in order.</summary>
    public IReadOnlyList<string> Members { get; } = ["pg0", "pg1"];

    public async Task InitializeAsync()
    {
        var exports = HackScript.ParseExports(await HackScript.RunAsync("patroni.sh", ScriptTimeout, "start", Folder));
        Endpoints = exports["GBO_PATRONI_ENDPOINTS"].Split(',').Select(url => new Uri(url)).ToList();
        Scope = exports["GBO_PATRONI_SCOPE"];
        Namespace = exports["GBO_PATRONI_NAMESPACE"];
        Etcd = exports["GBO_PATRONI_ETCD"];
    }

    public async Task DisposeAsync()
    {
        await HackScript.RunAsync("patroni.sh", ScriptTimeout, "stop", Folder);
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Starts every member that is not running and waits for a leader and running replicas.</summary>
    public Task StartAsync() => HackScript.RunAsync("patroni.sh", ScriptTimeout, "start", Folder);

    /// <summary>Sends SIGKILL to a member's Patroni and postmaster, like a crashed host.</summary>
    public Task KillMemberAsync(string member) => HackScript.RunAsync("patroni.sh", ScriptTimeout, "member-kill", member, Folder);

    /// <summary>Stops a member cleanly.</summary>
    public Task StopMemberAsync(string member) => HackScript.RunAsync("patroni.sh", ScriptTimeout, "member-stop", member, Folder);

    /// <summary>PostgreSQL address of a member as <c>127.0.0.1:PORT</c>.</summary>
    public string PostgresEndpoint(string member) => File.ReadAllText(Path.Combine(Folder, member, "endpoint")).Trim();
}
