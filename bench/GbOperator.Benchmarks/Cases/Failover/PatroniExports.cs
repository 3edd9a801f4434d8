namespace GbOperator.Benchmarks.Cases.Failover;

/// <summary>The settings that <c>hack/patroni.sh start</c> prints as <c>export NAME=VALUE</c> lines.</summary>
/// <param name="Endpoints">REST API base URLs of the members.</param>
/// <param name="Scope">Patroni scope.</param>
/// <param name="Namespace">Patroni namespace, such as <c>/service/</c>.</param>
/// <param name="Etcd">Client endpoint <c>host:port</c> of the etcd that Patroni uses.</param>
internal sealed record PatroniExports(IReadOnlyList<Uri> Endpoints, string Scope, string Namespace, string Etcd)
{
    /// <summary>The etcd key whose value names the leader, such as <c>/service/gbo-pg/leader</c>.</summary>
    public string LeaderKey => $"{Namespace.TrimEnd('/')}/{Scope}/leader";

    /// <summary>Reads the export lines in <paramref name="output"/> and ignores every other line.</summary>
    /// <exception cref="FormatException">A variable is missing or an endpoint is not an absolute URL.</exception>
    public static PatroniExports Parse(string output)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("export ", StringComparison.Ordinal) && line.IndexOf('=', StringComparison.Ordinal) is int equals and > 0)
            {
                values[line["export ".Length..equals]] = line[(equals + 1)..].Trim('\'', '"');
            }
        }

        var endpoints = Require(values, "GBO_PATRONI_ENDPOINTS").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(endpoint => Uri.TryCreate(endpoint.TrimEnd('/') + "/", UriKind.Absolute, out var uri)
                ? uri
                : throw new FormatException($"Invalid endpoint '{endpoint}' in GBO_PATRONI_ENDPOINTS; give an absolute URL such as http://127.0.0.1:8008."))
            .ToList();
        return new PatroniExports(endpoints, Require(values, "GBO_PATRONI_SCOPE"), Require(values, "GBO_PATRONI_NAMESPACE"), Require(values, "GBO_PATRONI_ETCD"));
    }

    private static string Require(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out string? value) && value.Length > 0
            ? value
            : throw new FormatException($"hack/patroni.sh start printed no {name}; check that the script prints its export lines.");
}
