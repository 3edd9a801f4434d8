using System.CommandLine;
using GbOperator.ApiServer.Events;
using GbOperator.ApiServer.Hosting;
using GbOperator.Controllers.BotClusters;
using GbOperator.Controllers.FailoverPolicies;
using GbOperator.Controllers.Monitoring;
using GbOperator.Controllers.ShardMaps;
using GbOperator.Infrastructure.Postgres;
using GbOperator.Controllers.GitRepositories;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Storage;
using Microsoft.AspNetCore.Connections;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace GbOperator;

/// <summary>The <c>serve</c> command: runs the API server over the chosen store, and the controllers, until SIGTERM or Ctrl-C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var store = new Option<string?>("--store")
        {
            Description = "Store URL: etcd://HOST:PORT[,HOST:PORT...] or sqlite://PATH. Default: embedded SQLite at "
                + "$GBO_STATE_DIR/gb-operator.db, else /var/lib/gb-operator/state.db as root, else ~/.gb/state.db.",
        };
        var listen = new Option<string>("--listen")
        {
            Description = "Address and port of the plain-HTTP API, as ADDRESS:PORT. make up passes $GBO_LISTEN, else 127.0.0.1:6443.",
            DefaultValueFactory = _ => "127.0.0.1:6443",
        };
        // A string rather than a bool: System.CommandLine reads the word after a bool option only when it is true or false,
        // so "--controllers maybe" would report "Unrecognized command or argument 'maybe'" without naming the option.
        var controllers = new Option<string>("--controllers")
        {
            Description = "true or false: run the BotCluster, FailoverPolicy and ShardMap controllers against LXD, Caddy, Patroni, the Sentinels and the ShardMap backends; --controllers false serves only the API.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "true",
            CustomParser = result => ServeOptionParsers.Boolean(result, "--controllers"),
        };
        var lxdSocket = new Option<string>("--lxd-socket")
        {
            Description = "Path of LXD's unix socket. Default: $LXD_SOCKET, else /var/lib/lxd/unix.socket; make up passes the socket of the LXD that hack/env-up.sh started.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LXD_SOCKET") is { Length: > 0 } socket ? socket : "/var/lib/lxd/unix.socket",
        };
        var lxdProject = new Option<string>("--lxd-project")
        {
            Description = "LXD project of the BotCluster instances; created when missing.",
            DefaultValueFactory = _ => "default",
        };
        var caddyAdmin = new Option<string>("--caddy-admin")
        {
            Description = "URL of Caddy's admin API. Default: $GBO_CADDY_ADMIN_URL, else http://127.0.0.1:2019; make up passes the URL of the Caddy that hack/env-up.sh started.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GBO_CADDY_ADMIN_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:2019",
        };
        var gitopsCache = new Option<string>("--gitops-cache")
        {
            Description = "Folder of the GitRepository clones. Default: $GBO_STATE_DIR/gitops, else /var/lib/gb-operator/gitops as root, else ~/.gb/gitops.",
            DefaultValueFactory = _ => DefaultGitOpsCache(),
        };
        var eventTtl = new Option<TimeSpan>("--event-ttl")
        {
            Description = "Time after an event's last occurrence when the API server deletes it, such as 1h, 30m or 90s.",
            DefaultValueFactory = _ => TimeSpan.FromHours(1),
            CustomParser = result => ServeOptionParsers.PositiveDuration(result, "--event-ttl"),
        };
        var storeTimeout = new Option<TimeSpan>("--store-timeout")
        {
            Description = "Time that start-up waits for the store to answer its first read before it fails, such as 10s.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
            CustomParser = result => ServeOptionParsers.PositiveDuration(result, "--store-timeout"),
        };
        var command = new Command("serve", "Serve the Kubernetes-style API of GbOperator and run its controllers.")
        {
            store, listen, controllers, lxdSocket, lxdProject, caddyAdmin, gitopsCache, eventTtl, storeTimeout,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(
                parseResult.GetValue(store),
                parseResult.GetValue(listen)!,
                parseResult.GetValue(controllers) == "true"
                    ? new ControllerSwitches(parseResult.GetValue(lxdSocket)!, parseResult.GetValue(lxdProject)!, parseResult.GetValue(caddyAdmin)!, parseResult.GetValue(gitopsCache)!)
                    : null,
                parseResult.GetValue(eventTtl),
                parseResult.GetValue(storeTimeout),
                cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? storeUrl, string listen, ControllerSwitches? controllers, TimeSpan eventTtl, TimeSpan storeTimeout, CancellationToken cancellationToken)
    {
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)

            // A host that fails to start throws to RunAsync, which logs one line, so the host's own error with the stack trace is left out.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}")
            .CreateLogger();
        var log = Log.ForContext("SourceContext", "gb-operator");
        try
        {
            try
            {
                ListenAddress.Parse(listen);
            }
            catch (FormatException exception)
            {
                log.Error("Invalid --listen value: {Problem}", exception.Message);
                return 2;
            }

            if (controllers is not null)
            {
                try
                {
                    Directory.CreateDirectory(controllers.GitOpsCache);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    log.Error("Creating the GitRepository clone folder {GitOpsCache} failed: {Problem}; choose another with --gitops-cache", controllers.GitOpsCache, exception.Message);
                    return 2;
                }
            }

            var url = storeUrl ?? DefaultStore.SqliteUrl();
            var (store, storeExitCode) = await StoreOpener.OpenAsync(url, givenByUser: storeUrl is not null, storeTimeout, log, cancellationToken);
            if (store is null)
            {
                return storeExitCode;
            }

            await using (store)
            {
                var controllerHealth = controllers is null ? null : new ControllerHealthCheck();
                var metrics = new OperatorMetrics();
                var shardMapHealth = controllers is null ? null : new ControllerHealthCheck();
                var options = new ApiServerOptions
                {
                    HealthChecks = controllerHealth is null || shardMapHealth is null ? [] : [controllerHealth, shardMapHealth],
                    Events = new EventOptions { TimeToLive = eventTtl },
                    ConfigureBuilder = builder => builder.Services.AddSerilog(),
                    ConfigureApplication = application =>
                    {
                        application.UseSerilogRequestLogging();
                        MetricsEndpoint.Map(application, metrics);
                    },
                };
                await using var host = await ApiServerHost.StartAsync(store, listen, options, cancellationToken);
                log.Information("Serving the API on {Address} with the store {StoreUrl}", host.BaseAddress, StoreOpener.Redact(url));
                await using var controllerHost = controllers is null
                    ? null
                    : await StartControllersAsync(host.BaseAddress, controllers, metrics, log, cancellationToken);
                await using var gitOpsHost = controllers is null
                    ? null
                    : await StartGitOpsAsync(host.BaseAddress, controllers, log, cancellationToken);
                await using var failoverHost = controllers is null
                    ? null
                    : await FailoverPolicyControllerHost.StartAsync(host.BaseAddress, new SerilogLoggerFactory(Log.Logger), cancellationToken);
                if (controllerHost is not null && gitOpsHost is not null && failoverHost is not null)
                {
                    controllerHealth!.Attach(controllerHost.Runner, gitOpsHost.Runner, failoverHost.Runner);
                    log.Information("Running the FailoverPolicy controller");
                }

                await using var shardMapHost = controllers is null
                    ? null
                    : await StartShardMapControllerAsync(host.BaseAddress, controllers, log, cancellationToken);
                if (shardMapHost is not null)
                {
                    shardMapHealth!.Attach(shardMapHost.Runner);
                }

                try
                {
                    await host.WaitForShutdownAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // SIGTERM or Ctrl-C: disposing the host closes the watches and stops Kestrel.
                }

                log.Information("Stopping the API server");
            }

            return 0;
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            log.Error("Listening on {Listen} failed: the address is already in use; stop the process that uses it or choose another port with --listen", listen);
            return 1;
        }
        catch (IOException exception)
        {
            log.Error("Listening on {Listen} failed: {Problem}; choose a free port with --listen", listen, exception.Message);
            return 1;
        }
        catch (LxdException exception)
        {
            log.Error(exception, "Starting the BotCluster controller failed at LXD: {Problem}. Check --lxd-socket, or pass --controllers false to serve only the API", exception.Message);
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Starts the BotCluster controller, which talks HTTP to this process's own listener.</summary>
    /// <remarks>
    /// Its runner's health check feeds /healthz, which fails when a controller loop stopped, and /readyz, which fails until
    /// the informers have synced.
    /// </remarks>
    private static async Task<BotClusterControllerHost> StartControllersAsync(
        Uri apiServer, ControllerSwitches switches, OperatorMetrics metrics, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var settings = new BotClusterControllerSettings
        {
            ApiServer = apiServer,
            LxdSocket = switches.LxdSocket,
            CaddyAdminUrl = new Uri(switches.CaddyAdmin),
            Reconciler = new BotClusterReconcilerOptions { LxdProject = switches.LxdProject },
            Metrics = metrics,
        };
        var controllerHost = await BotClusterControllerHost.StartAsync(settings, new SerilogLoggerFactory(Log.Logger), cancellationToken);
        log.Information("Running the BotCluster controller with LXD at {LxdSocket} (project {LxdProject}) and Caddy at {CaddyAdmin}",
            switches.LxdSocket, switches.LxdProject, switches.CaddyAdmin);
        return controllerHost;
    }

    /// <summary>Starts the ShardMap controller, which talks HTTP to this process's own listener like the BotCluster controller.</summary>
    /// <remarks>
    /// It logs in to shard servers as <c>postgres</c>, or as <c>$GBO_POSTGRES_USER</c> with the password in <c>$GBO_POSTGRES_PASSWORD</c>.
    /// </remarks>
    private static async Task<ShardMapControllerHost> StartShardMapControllerAsync(
        Uri apiServer, ControllerSwitches switches, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var settings = new ShardMapControllerSettings
        {
            ApiServer = apiServer,
            LxdSocket = switches.LxdSocket,
            Postgres = new PostgresClientOptions
            {
                Username = Environment.GetEnvironmentVariable("GBO_POSTGRES_USER") is { Length: > 0 } user ? user : "postgres",
                Password = Environment.GetEnvironmentVariable("GBO_POSTGRES_PASSWORD") is { Length: > 0 } password ? password : null,
            },
            Reconciler = new ShardMapReconcilerOptions { LxdProject = switches.LxdProject },
        };
        var controllerHost = await ShardMapControllerHost.StartAsync(settings, new SerilogLoggerFactory(Log.Logger), cancellationToken);
        log.Information("Running the ShardMap controller with LXD at {LxdSocket} (project {LxdProject})", switches.LxdSocket, switches.LxdProject);
        return controllerHost;
    }

    /// <summary>Starts the GitRepository controller, which applies the manifests of Git repositories through this process's own listener.</summary>
    private static async Task<GitRepositoryControllerHost> StartGitOpsAsync(
        Uri apiServer, ControllerSwitches switches, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var options = new GitRepositoryReconcilerOptions { CacheFolder = switches.GitOpsCache };
        var gitOpsHost = await GitRepositoryControllerHost.StartAsync(apiServer, options, new SerilogLoggerFactory(Log.Logger), cancellationToken);
        log.Information("Running the GitRepository controller with its clones in {GitOpsCache}", switches.GitOpsCache);
        return gitOpsHost;
    }

    /// <summary>Returns the default folder of the GitRepository clones, next to the default store.</summary>
    private static string DefaultGitOpsCache()
    {
        var stateDirectory = Environment.GetEnvironmentVariable("GBO_STATE_DIR");
        if (!string.IsNullOrEmpty(stateDirectory))
        {
            return Path.Combine(stateDirectory, "gitops");
        }

        return Environment.IsPrivilegedProcess
            ? "/var/lib/gb-operator/gitops"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".gb", "gitops");
    }
}
