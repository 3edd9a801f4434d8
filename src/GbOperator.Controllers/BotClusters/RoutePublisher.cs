using System.Text.Json.Nodes;
using GbOperator.Infrastructure.Caddy;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Writes one BotCluster's server into Caddy's configuration, only when it differs.</summary>
/// <remarks>
/// Each cluster owns the server <c>apps.http.servers.&lt;id&gt;</c>, whose <c>@id</c> is the same id. The publisher
/// reads the whole configuration, replaces that one server and posts the result back with the ETag it read, so
/// a concurrent change by another writer fails with 412 and the pass is retried. Other servers and the
/// <c>admin</c> block are sent back unchanged.
/// </remarks>
internal sealed class RoutePublisher(ICaddyAdminClient caddy, ILogger<RoutePublisher> logger)
{
    /// <summary>Makes Caddy's server <paramref name="id"/> equal to <paramref name="server"/>, or removes it when <c>null</c>.</summary>
    /// <returns>Whether Caddy's configuration changed.</returns>
    public async Task<bool> PublishAsync(string id, JsonObject? server, CancellationToken cancellationToken)
    {
        var current = await caddy.GetAsync(CaddyConfigPath.Root, cancellationToken);
        var config = current.Value as JsonObject ?? new JsonObject();
        var existing = config["apps"]?["http"]?["servers"]?[id];

        if (server is null ? existing is null : JsonNode.DeepEquals(existing, server))
        {
            return false;
        }

        var updated = (JsonObject)config.DeepClone();
        var servers = EnsureObject(EnsureObject(EnsureObject(updated, "apps"), "http"), "servers");
        if (server is null)
        {
            servers.Remove(id);
        }
        else
        {
            servers[id] = server.DeepClone();
        }

        await caddy.PostAsync(CaddyConfigPath.Root, updated, current.ETag, cancellationToken);
        if (server is null)
        {
            BotClusterLog.RoutesRemoved(logger, id);
        }
        else
        {
            BotClusterLog.RoutesUpdated(logger, id);
        }

        return true;
    }

    private static JsonObject EnsureObject(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject child)
        {
            return child;
        }

        child = new JsonObject();
        parent[key] = child;
        return child;
    }
}
