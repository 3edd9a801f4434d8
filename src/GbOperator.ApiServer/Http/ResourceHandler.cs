using System.Text.Json.Nodes;
using GbOperator.ApiServer.FieldManagement;
using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Patching;
using GbOperator.ApiServer.Registry;
using GbOperator.ApiServer.Tables;
using GbOperator.Resources;
using Microsoft.AspNetCore.Http;

namespace GbOperator.ApiServer.Http;

/// <summary>Dispatches requests under <c>/apis/generalbots.ai/v1alpha1/</c> to the registry by path shape and method.</summary>
internal sealed class ResourceHandler(
    ResourceRegistry registry,
    WatchStreamer watches,
    TableBuilder tables,
    ShardResolveHandler resolver,
    ApiServerOptions options)
{
    public Task HandleAsync(HttpContext context, ResourcePath path)
    {
        var method = context.Request.Method;
        return (path.Name, path.Subresource, method) switch
        {
            (null, _, "GET") => ListOrWatchAsync(context, path),
            (null, _, "POST") when path.Namespace is not null => CreateAsync(context, path),
            (null, _, "DELETE") when path.Namespace is not null => DeleteCollectionAsync(context, path),
            (not null, _, _) when path.Namespace is null => throw StatusObjects.ResourceNotFound(),
            (not null, null, "GET") => GetAsync(context, path),
            (not null, null, "PUT") => UpdateAsync(context, path, statusOnly: false),
            (not null, null, "PATCH") => PatchAsync(context, path, statusOnly: false),
            (not null, null, "DELETE") => DeleteAsync(context, path),
            (not null, "status", "GET") => GetAsync(context, path),
            (not null, "status", "PUT") => UpdateAsync(context, path, statusOnly: true),
            (not null, "status", "PATCH") => PatchAsync(context, path, statusOnly: true),
            (not null, "scale", _) => ScaleAsync(context, path, method),
            (not null, ShardResolveHandler.Subresource, _) => resolver.HandleAsync(context, path),
            _ => throw StatusObjects.MethodNotAllowed(method),
        };
    }

    private async Task ListOrWatchAsync(HttpContext context, ResourcePath path)
    {
        var query = RequestOptions.ParseListQuery(context.Request);
        var table = TableFormat.Negotiate(context.Request.Headers.Accept.ToString(), context.Request.Query["includeObject"].ToString());
        if (path.LegacyWatch || RequestOptions.IsWatch(context.Request))
        {
            await watches.StreamAsync(context, path, query, table);
            return;
        }

        var (items, revision, next) = await registry.ListAsync(path.Kind, path.Namespace, query, context.RequestAborted);
        var resourceVersion = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (table is not null)
        {
            await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, tables.Build(path.Kind, table, items, resourceVersion, next ?? string.Empty));
            return;
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (next is not null)
        {
            metadata["continue"] = next;
        }

        var list = new JsonObject
        {
            ["kind"] = path.Kind.ListKind,
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray(items.Select(item => (JsonNode?)item).ToArray()),
        };
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, list);
    }

    private async Task GetAsync(HttpContext context, ResourcePath path)
    {
        var json = await registry.GetAsync(path.Kind, path.Namespace!, path.Name!, context.RequestAborted);
        var table = TableFormat.Negotiate(context.Request.Headers.Accept.ToString(), context.Request.Query["includeObject"].ToString());
        if (table is not null && path.Subresource is null)
        {
            var resourceVersion = ObjectMetadata.GetString(json, "resourceVersion");
            await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, tables.Build(path.Kind, table, [json], resourceVersion, null));
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, json);
    }

    private async Task CreateAsync(HttpContext context, ResourcePath path)
    {
        var dryRun = RequestOptions.IsDryRun(context.Request, "CreateOptions");
        var body = await ReadObjectAsync(context);
        var owner = new FieldOwner(FieldManagerOptions.ManagerOf(context.Request));
        var created = await registry.CreateAsync(path.Kind, path.Namespace!, body, owner, dryRun, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status201Created, created);
    }

    private async Task UpdateAsync(HttpContext context, ResourcePath path, bool statusOnly)
    {
        var dryRun = RequestOptions.IsDryRun(context.Request, "UpdateOptions");
        var body = await ReadObjectAsync(context);
        var owner = new FieldOwner(FieldManagerOptions.ManagerOf(context.Request), statusOnly ? "status" : null);
        var updated = await registry.UpdateAsync(path.Kind, path.Namespace!, path.Name!, body, owner, statusOnly, dryRun, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, updated);
    }

    private async Task PatchAsync(HttpContext context, ResourcePath path, bool statusOnly)
    {
        var dryRun = RequestOptions.IsDryRun(context.Request, "PatchOptions");
        if (MediaTypes.Essence(context.Request.ContentType) == MediaTypes.ApplyPatch)
        {
            await ServerSideApplyAsync(context, path, statusOnly, dryRun);
            return;
        }

        FieldManagerOptions.RejectForce(context.Request);
        var owner = new FieldOwner(FieldManagerOptions.ManagerOf(context.Request), statusOnly ? "status" : null);
        var apply = await ReadPatchAsync(context, statusOnly ? MediaTypes.PatchBodyTypes : MediaTypes.ResourcePatchBodyTypes);
        var patched = await registry.PatchAsync(path.Kind, path.Namespace!, path.Name!, apply, owner, statusOnly, dryRun, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, patched);
    }

    /// <summary>Handles a server-side apply: the body is the manager's whole configuration of the object, in YAML or JSON.</summary>
    private async Task ServerSideApplyAsync(HttpContext context, ResourcePath path, bool statusOnly, bool dryRun)
    {
        if (statusOnly)
        {
            throw StatusObjects.UnsupportedMediaType(MediaTypes.ApplyPatch + " on the status subresource", MediaTypes.PatchBodyTypes);
        }

        var manager = FieldManagerOptions.RequiredManagerOf(context.Request);
        var force = FieldManagerOptions.IsForce(context.Request);
        var body = await RequestBodyReader.ReadBytesAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        var configuration = RequestBodyReader.ParseObject(body, MediaTypes.Yaml);
        var applied = await registry.ApplyAsync(path.Kind, path.Namespace!, path.Name!, configuration, manager, force, dryRun, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, applied);
    }

    private async Task DeleteAsync(HttpContext context, ResourcePath path)
    {
        var dryRun = RequestOptions.IsDryRun(context.Request, "DeleteOptions");
        var deleteOptions = await ReadDeleteOptionsAsync(context);
        var result = await registry.DeleteAsync(path.Kind, path.Namespace!, path.Name!, deleteOptions, dryRun, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, result);
    }

    /// <summary>Deletes every object of the namespace that matches the selectors and returns them as a list.</summary>
    private async Task DeleteCollectionAsync(HttpContext context, ResourcePath path)
    {
        var dryRun = RequestOptions.IsDryRun(context.Request, "DeleteOptions");
        var deleteOptions = await ReadDeleteOptionsAsync(context);
        var query = RequestOptions.ParseListQuery(context.Request) with { Limit = 0, Continue = null };
        var (items, revision, _) = await registry.ListAsync(path.Kind, path.Namespace, query, context.RequestAborted);
        var deleted = new JsonArray();
        foreach (var item in items)
        {
            var name = ObjectMetadata.GetString(item, "name")!;
            try
            {
                await registry.DeleteAsync(path.Kind, path.Namespace!, name, deleteOptions with { PreconditionResourceVersion = null, PreconditionUid = null }, dryRun, context.RequestAborted);
                deleted.Add(item);
            }
            catch (ApiException exception) when (exception.Code == StatusCodes.Status404NotFound)
            {
                // Deleted by someone else since the list: nothing left to do.
            }
        }

        var list = new JsonObject
        {
            ["kind"] = path.Kind.ListKind,
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        };
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, list);
    }

    private async Task ScaleAsync(HttpContext context, ResourcePath path, string method)
    {
        var scale = ScaleSubresource.For(path.Kind) ?? throw StatusObjects.ResourceNotFound();
        var name = path.Name!;
        switch (method)
        {
            case "GET":
                var json = await registry.GetAsync(path.Kind, path.Namespace!, name, context.RequestAborted);
                await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, scale.ToScale(json));
                return;
            case "PUT":
                var dryRun = RequestOptions.IsDryRun(context.Request, "UpdateOptions");
                var body = await ReadObjectAsync(context);
                var owner = new FieldOwner(FieldManagerOptions.ManagerOf(context.Request), "scale");
                var updated = await registry.PatchAsync(path.Kind, path.Namespace!, name, live => scale.Apply(live, body, name), owner, statusOnly: false, dryRun, context.RequestAborted);
                await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, scale.ToScale(updated));
                return;
            case "PATCH":
                var patchDryRun = RequestOptions.IsDryRun(context.Request, "PatchOptions");
                FieldManagerOptions.RejectForce(context.Request);
                var apply = await ReadPatchAsync(context, MediaTypes.PatchBodyTypes);
                var patched = await registry.PatchAsync(
                    path.Kind,
                    path.Namespace!,
                    name,
                    live => scale.Apply(live, apply(scale.ToScale(live)), name),
                    new FieldOwner(FieldManagerOptions.ManagerOf(context.Request), "scale"),
                    statusOnly: false,
                    patchDryRun,
                    context.RequestAborted);
                await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, scale.ToScale(patched));
                return;
            default:
                throw StatusObjects.MethodNotAllowed(method);
        }
    }

    private async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        var essence = MediaTypes.Essence(context.Request.ContentType);
        if (essence is not null && essence != MediaTypes.Json && !MediaTypes.IsYaml(essence))
        {
            throw StatusObjects.UnsupportedMediaType(essence, MediaTypes.ObjectBodyTypes);
        }

        var body = await RequestBodyReader.ReadBytesAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        return RequestBodyReader.ParseObject(body, essence);
    }

    /// <summary>Reads a patch body and returns the function that applies it to the live object.</summary>
    private async Task<Func<JsonObject, JsonObject>> ReadPatchAsync(HttpContext context, IEnumerable<string> acceptedTypes)
    {
        var essence = MediaTypes.Essence(context.Request.ContentType) ?? string.Empty;
        if (essence is not (MediaTypes.MergePatch or MediaTypes.JsonPatch))
        {
            // Strategic merge patch needs Go struct tags that custom kinds lack.
            throw StatusObjects.UnsupportedMediaType(essence, acceptedTypes);
        }

        var body = await RequestBodyReader.ReadBytesAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        var patch = RequestBodyReader.ParseJson(body);
        if (essence == MediaTypes.MergePatch)
        {
            if (patch is not JsonObject)
            {
                throw StatusObjects.BadRequest("a merge patch must be a JSON object");
            }

            return live => JsonMergePatch.Apply(live, patch)!.AsObject();
        }

        return live => JsonPatchDocument.Apply(live, patch) as JsonObject
            ?? throw StatusObjects.BadRequest("the JSON patch did not produce an object");
    }

    private async Task<DeleteOptions> ReadDeleteOptionsAsync(HttpContext context)
    {
        var body = await RequestBodyReader.ReadBytesAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        var propagation = context.Request.Query["propagationPolicy"].ToString();
        if (body.Length == 0)
        {
            return new DeleteOptions(null, null, string.IsNullOrEmpty(propagation) ? null : propagation);
        }

        var json = RequestBodyReader.ParseObject(body, MediaTypes.Essence(context.Request.ContentType));
        var preconditions = json["preconditions"] as JsonObject;
        var policy = OptionalString(json, "propagationPolicy") ?? (string.IsNullOrEmpty(propagation) ? null : propagation);
        if (policy is not null and not ("Background" or "Foreground" or "Orphan"))
        {
            throw StatusObjects.Invalid("DeleteOptions", string.Empty, [new FieldViolation("propagationPolicy", FieldViolationType.NotSupported, $"Unsupported value: \"{policy}\": supported values: \"Background\", \"Foreground\", \"Orphan\"")]);
        }

        return new DeleteOptions(
            preconditions is null ? null : OptionalString(preconditions, "uid"),
            preconditions is null ? null : OptionalString(preconditions, "resourceVersion"),
            policy);
    }

    private static string? OptionalString(JsonObject json, string field) => json[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw StatusObjects.BadRequest($"invalid DeleteOptions: {field} must be a string"),
    };
}
