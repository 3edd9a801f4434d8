namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>The database and cache endpoints that every instance of a BotCluster should have in one reconcile pass.</summary>
/// <param name="Mode">Whether the pass sets, removes or leaves the devices and .env entries.</param>
/// <param name="PolicyName">Name of the referenced FailoverPolicy, or <c>null</c> when the cluster references none.</param>
/// <param name="Database">PostgreSQL primary as <c>ip:port</c>, or <c>null</c> when there is none.</param>
/// <param name="Cache">Redis master as <c>ip:port</c>, or <c>null</c> when there is none.</param>
/// <param name="Env">Entries that the instance's .env contains in addition to, or in place of, <c>spec.env</c>.</param>
/// <param name="Problem">Why the endpoints cannot be resolved when <paramref name="Mode"/> is <see cref="EndpointMode.Unresolved"/>.</param>
internal sealed record EndpointPlan(
    EndpointMode Mode,
    string? PolicyName,
    string? Database,
    string? Cache,
    IReadOnlyDictionary<string, string> Env,
    EndpointProblem? Problem)
{
    /// <summary>The plan of a cluster without a FailoverPolicy: no endpoint devices and no extra .env entries.</summary>
    public static EndpointPlan None { get; } = new(EndpointMode.Unmanaged, null, null, null, new Dictionary<string, string>(), null);

    /// <summary>The back ends without a server, as <c>database</c> and <c>cache</c>.</summary>
    public IReadOnlyList<string> Missing
    {
        get
        {
            var missing = new List<string>();
            if (Mode != EndpointMode.Managed)
            {
                return missing;
            }

            if (Database is null)
            {
                missing.Add("database");
            }

            if (Cache is null)
            {
                missing.Add("cache");
            }

            return missing;
        }
    }

    /// <summary>
    /// The two endpoint devices by name, each <c>null</c> when the instance should not have it. Empty in
    /// <see cref="EndpointMode.Unresolved"/>, where the devices are left as they are.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>?> Devices => Mode switch
    {
        EndpointMode.Unmanaged => new Dictionary<string, IReadOnlyDictionary<string, string>?>
        {
            [EndpointDevices.Database] = null,
            [EndpointDevices.Cache] = null,
        },
        EndpointMode.Managed => new Dictionary<string, IReadOnlyDictionary<string, string>?>
        {
            [EndpointDevices.Database] = Device(EndpointDevices.DatabasePort, Database),
            [EndpointDevices.Cache] = Device(EndpointDevices.CachePort, Cache),
        },
        _ => new Dictionary<string, IReadOnlyDictionary<string, string>?>(),
    };

    private static IReadOnlyDictionary<string, string>? Device(int listenPort, string? target) =>
        EndpointAddress.TryParse(target, out var endpoint) ? EndpointDevices.Build(listenPort, endpoint) : null;
}
