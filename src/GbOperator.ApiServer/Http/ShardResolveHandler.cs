using System.Text.Json.Nodes;
using GbOperator.ApiServer.Registry;
using GbOperator.Resources;
using GbOperator.Resources.ShardMaps;
using Microsoft.AspNetCore.Http;

namespace GbOperator.ApiServer.Http;

/// <summary>
/// Serves <c>GET …/shardmaps/{name}/resolve?key=K[&amp;region=R]</c>: the shard, endpoint and database that store a key
/// under the stored ShardMap.
/// </summary>
internal sealed class ShardResolveHandler(ResourceRegistry registry)
{
    /// <summary>Name of the subresource in the URL.</summary>
    public const string Subresource = "resolve";

    public async Task HandleAsync(HttpContext context, ResourcePath path)
    {
        if (path.Kind != ResourceCatalog.ShardMaps)
        {
            throw StatusObjects.ResourceNotFound();
        }

        if (context.Request.Method != HttpMethods.Get)
        {
            throw StatusObjects.MethodNotAllowed(context.Request.Method);
        }

        var key = context.Request.Query["key"].ToString();
        if (key.Length == 0)
        {
            throw StatusObjects.BadRequest("missing query parameter \"key\": give the tenant name or shard-key value, such as ?key=12345");
        }

        var region = context.Request.Query.ContainsKey("region") ? context.Request.Query["region"].ToString() : null;
        var json = await registry.GetAsync(path.Kind, path.Namespace!, path.Name!, context.RequestAborted);
        var decoded = ResourceCodec.Decode(json);
        if (decoded.Resource is not ShardMap shardMap)
        {
            throw new ApiException(500, "InternalError", $"the stored ShardMap \"{path.Name}\" cannot be read: {string.Join("; ", decoded.Violations)}");
        }

        ShardResolution resolution;
        try
        {
            resolution = ShardResolver.Create(shardMap.Spec).Resolve(key, region);
        }
        catch (ShardResolutionException exception) when (exception.Error == ShardResolutionError.NotFound)
        {
            throw new ApiException(404, "NotFound", $"shardmaps.{ApiGroup.Name} \"{path.Name}\": {exception.Message}");
        }
        catch (ShardResolutionException exception)
        {
            throw StatusObjects.BadRequest(exception.Message);
        }

        var body = new JsonObject
        {
            ["kind"] = "ShardResolution",
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["shardMap"] = path.Name,
            ["strategy"] = shardMap.Spec.Strategy,
            ["key"] = key,
            ["region"] = region,
            ["shard"] = resolution.Shard,
            ["endpoint"] = resolution.Endpoint,
            ["database"] = resolution.Database,
        };
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, body);
    }
}
