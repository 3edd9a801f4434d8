using System.Text.Json.Nodes;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Generates the Caddy HTTP server of one BotCluster from its spec and its routed instances.</summary>
/// <remarks>
/// The output depends only on the inputs, so comparing it with what Caddy returns tells whether a reload is
/// needed. Caddy 2.6 reloads its whole configuration and closes WebSocket connections on every change.
/// </remarks>
internal static class CaddyServerBuilder
{
    /// <summary>Path of the route that reaches one instance without load balancing.</summary>
    public const string HealthPath = "/api/health";

    /// <summary>Returns the Caddy <c>@id</c> and server key of a cluster, such as <c>gbo-default-demo</c>.</summary>
    public static string ServerId(string @namespace, string name) => $"gbo-{@namespace}-{name}";

    /// <summary>Builds the server object for <c>apps.http.servers</c>.</summary>
    /// <param name="id">The server's <c>@id</c>; see <see cref="ServerId"/>.</param>
    /// <param name="spec">The cluster spec.</param>
    /// <param name="upstreams">Dial addresses (<c>127.0.0.1:PORT</c>) of the ready instances, in a stable order.</param>
    public static JsonObject Build(string id, BotClusterSpec spec, IReadOnlyList<string> upstreams)
    {
        var routes = new JsonArray { CommonRoute(spec.Routing) };
        routes.Add(ProxyRoute(spec, HealthPath, upstreams.Take(1).ToList(), policy: null));
        foreach (var route in spec.Routing.Routes)
        {
            routes.Add(ProxyRoute(spec, route.Path, upstreams, route));
        }

        return new JsonObject
        {
            ["@id"] = id,
            ["listen"] = new JsonArray(spec.Routing.ListenAddress),
            ["automatic_https"] = new JsonObject { ["disable"] = true },

            // Caddy 2.6 records caddy_http_* metrics only for servers with this option, and the autoscaler reads them.
            ["metrics"] = new JsonObject(),
            ["routes"] = routes,
        };
    }

    /// <summary>The non-terminal first route: security headers and compression for every response.</summary>
    private static JsonObject CommonRoute(RoutingSpec routing)
    {
        var handle = new JsonArray();
        var headers = routing.SecurityHeaders;
        if (headers.Enabled)
        {
            var response = new JsonObject
            {
                ["set"] = new JsonObject
                {
                    ["X-Content-Type-Options"] = new JsonArray(headers.ContentTypeOptions),
                    ["X-Frame-Options"] = new JsonArray(headers.FrameOptions),
                    ["Referrer-Policy"] = new JsonArray(headers.ReferrerPolicy),
                },
                ["deferred"] = true,
            };
            if (headers.RemoveServerHeader)
            {
                response["delete"] = new JsonArray("Server");
            }

            handle.Add(new JsonObject { ["handler"] = "headers", ["response"] = response });
        }

        if (routing.Compression.Count > 0)
        {
            var encodings = new JsonObject();
            foreach (var encoding in routing.Compression)
            {
                encodings[encoding] = new JsonObject();
            }

            handle.Add(new JsonObject
            {
                ["handler"] = "encode",
                ["encodings"] = encodings,
                ["prefer"] = new JsonArray([.. routing.Compression.Select(encoding => (JsonNode)encoding)]),
            });
        }

        var route = new JsonObject { ["handle"] = handle };
        if (HostMatcher(routing) is { } host)
        {
            route["match"] = new JsonArray(new JsonObject { ["host"] = host });
        }

        return route;
    }

    /// <summary>A terminal route for one path; <paramref name="policy"/> <c>null</c> means a single upstream.</summary>
    private static JsonObject ProxyRoute(BotClusterSpec spec, string path, IReadOnlyList<string> upstreams, RouteSpec? policy)
    {
        var matcher = new JsonObject { ["path"] = new JsonArray(path) };
        if (HostMatcher(spec.Routing) is { } host)
        {
            matcher["host"] = host;
        }

        return new JsonObject
        {
            ["match"] = new JsonArray(matcher),
            ["handle"] = new JsonArray(upstreams.Count == 0 ? NoUpstreams() : ReverseProxy(spec, upstreams, policy)),
            ["terminal"] = true,
        };
    }

    private static JsonObject ReverseProxy(BotClusterSpec spec, IReadOnlyList<string> upstreams, RouteSpec? route)
    {
        var proxy = new JsonObject
        {
            ["handler"] = "reverse_proxy",
            ["upstreams"] = new JsonArray([.. upstreams.Select(dial => (JsonNode)new JsonObject { ["dial"] = dial })]),
        };
        if (route is null)
        {
            return proxy;
        }

        var loadBalancing = new JsonObject { ["selection_policy"] = SelectionPolicy(route) };
        if (route.TryDuration is { } tryDuration)
        {
            loadBalancing["try_duration"] = tryDuration;
        }

        proxy["load_balancing"] = loadBalancing;

        var healthChecks = new JsonObject();
        // The catch-all `first` route has no active checks, as in the reference Caddyfile: it only needs any instance.
        if (spec.HealthCheck.Enabled && route.Policy != LoadBalancingPolicy.First)
        {
            healthChecks["active"] = new JsonObject
            {
                ["uri"] = spec.HealthCheck.Path,
                ["interval"] = spec.HealthCheck.Interval,
                ["timeout"] = spec.HealthCheck.Timeout,
                ["expect_status"] = 200,
            };
        }

        if (route.FailDuration is { } failDuration)
        {
            healthChecks["passive"] = new JsonObject { ["fail_duration"] = failDuration };
        }

        if (healthChecks.Count > 0)
        {
            proxy["health_checks"] = healthChecks;
        }

        return proxy;
    }

    private static JsonObject SelectionPolicy(RouteSpec route)
    {
        var policy = new JsonObject { ["policy"] = route.Policy };
        if (route.Policy == LoadBalancingPolicy.Cookie && route.CookieName is { } cookie)
        {
            policy["name"] = cookie;
        }
        else if (route.Policy == LoadBalancingPolicy.Header && route.HeaderField is { } field)
        {
            policy["field"] = field;
        }

        return policy;
    }

    /// <summary>Caddy returns 503 while no instance is ready, instead of proxying to nothing.</summary>
    private static JsonObject NoUpstreams() => new()
    {
        ["handler"] = "static_response",
        ["status_code"] = 503,
        ["body"] = "no ready instance\n",
    };

    private static JsonArray? HostMatcher(RoutingSpec routing) =>
        string.IsNullOrEmpty(routing.Host) ? null : new JsonArray(routing.Host);
}
