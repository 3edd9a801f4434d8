using GbOperator.ApiServer.Hosting;
using GbOperator.Controllers.FailoverPolicies;
using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using GbOperator.Storage.Sqlite;
using k8s.Models;

namespace GbOperator.Controllers.Tests.FailoverPolicies;

/// <summary>
/// The FailoverPolicy controller with real Patroni and Sentinel clients, against an in-process API server on a
/// SQLite store in a temporary folder.
/// </summary>
internal sealed class FailoverControllerHarness : IAsyncDisposable
{
    public const string Namespace = "failover";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gbo-failover-{Guid.NewGuid():N}");
    private readonly HttpClient _backendHttp = new() { Timeout = Timeout.InfiniteTimeSpan };
    private SqliteResourceStore? _store;
    private ApiServerHost? _server;
    private HttpClient? _apiHttp;
    private FailoverPolicyReconciler? _reconciler;
    private IController<FailoverPolicy>? _controller;

    public HttpResourceClient<FailoverPolicy> Policies { get; private set; } = null!;

    public HttpResourceClient<BotCluster> Clusters { get; private set; } = null!;

    public RecordingEventRecorder Events { get; } = new();

    public CapturingLoggerFactory Logs { get; } = new();

    public static async Task<FailoverControllerHarness> StartAsync()
    {
        var harness = new FailoverControllerHarness();
        Directory.CreateDirectory(harness._folder);
        harness._store = new SqliteResourceStore(Path.Combine(harness._folder, "state.db"));
        harness._server = await ApiServerHost.StartAsync(harness._store, "127.0.0.1:0", options: null);
        harness._apiHttp = new HttpClient { BaseAddress = harness._server.BaseAddress };
        harness.Policies = new HttpResourceClient<FailoverPolicy>(harness._apiHttp, "failoverpolicies");
        harness.Clusters = new HttpResourceClient<BotCluster>(harness._apiHttp, "botclusters");

        harness._reconciler = new FailoverPolicyReconciler(
            harness.Policies, harness._backendHttp, key => harness._controller?.Enqueue(key), harness.Logs, events: harness.Events, clusters: harness.Clusters);
        harness._controller = ControllerFactory.Create(harness.Policies, harness._reconciler,
            new ControllerOptions { Workers = 1, Informer = new InformerOptions { Namespace = Namespace } }, harness.Logs);
        await harness._controller.StartAsync(CancellationToken.None);
        await harness._controller.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        if (_controller is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _controller.StopAsync(timeout.Token);
            _controller.Dispose();
        }

        if (_reconciler is not null)
        {
            await _reconciler.DisposeAsync();
        }

        _apiHttp?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _backendHttp.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public Task<FailoverPolicy> CreateAsync(string name, FailoverPolicySpec spec) =>
        Policies.CreateAsync(new FailoverPolicy { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec }, CancellationToken.None);

    /// <summary>Waits until the stored status of <paramref name="name"/> satisfies <paramref name="condition"/> and returns it.</summary>
    public async Task<FailoverPolicyStatus> WaitForStatusAsync(string name, Func<FailoverPolicyStatus, bool> condition, string what, TimeSpan timeout)
    {
        FailoverPolicyStatus? last = null;
        try
        {
            await Wait.UntilAsync(async () =>
            {
                last = (await Policies.GetAsync(Namespace, name, CancellationToken.None))?.Status;
                return last is not null && condition(last);
            }, what, timeout);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message} Last status: {System.Text.Json.JsonSerializer.Serialize(last)}", exception);
        }

        return last!;
    }

    /// <summary>Returns the status of a condition type, or null when it is missing.</summary>
    public static V1Condition? Condition(FailoverPolicyStatus status, string type) =>
        status.Conditions?.FirstOrDefault(condition => condition.Type == type);
}
