using GbOperator.Controllers.Autoscaling;

namespace GbOperator.Controllers.Runtime;

/// <summary>Creates the HTTP clients through which each controller reads and writes the API server.</summary>
/// <remarks>
/// The API server records the product name of the <c>User-Agent</c> header as the field manager of every write
/// without a <c>fieldManager</c> parameter, such as status updates and finalizer changes. Each controller therefore
/// gets its own client named after it, so <c>managedFields</c> show which controller wrote a field.
/// </remarks>
public static class ApiServerHttpClient
{
    /// <summary>User agent and field manager of the BotCluster controller.</summary>
    public const string BotClusterController = "gb-botcluster-controller";

    /// <summary>User agent and field manager of the autoscaler, the same name as its <c>spec.replicas</c> patches.</summary>
    public const string Autoscaler = AutoscalerReconciler.FieldManager;

    /// <summary>User agent and field manager of the ShardMap controller.</summary>
    public const string ShardMapController = "gb-shardmap-controller";

    /// <summary>User agent and field manager of the FailoverPolicy controller.</summary>
    public const string FailoverPolicyController = "gb-failoverpolicy-controller";

    /// <summary>User agent and field manager of the GitRepository controller, for its status and finalizer writes.</summary>
    public const string GitRepositoryController = "gb-gitrepository-controller";

    /// <summary>Creates a client of <paramref name="apiServer"/> whose <c>User-Agent</c> is <paramref name="controller"/>, without a request timeout because watches stay open.</summary>
    public static HttpClient Create(Uri apiServer, string controller)
    {
        ArgumentNullException.ThrowIfNull(apiServer);
        ArgumentException.ThrowIfNullOrEmpty(controller);

        var client = new HttpClient { BaseAddress = apiServer, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(controller);
        return client;
    }
}
