using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Qdrant.Client.Grpc;

namespace GbOperator.Controllers.Tests.ShardMaps;

/// <summary>
/// A stand-in of Qdrant's gRPC <c>qdrant.Collections</c> service with the <c>Get</c> and <c>Create</c> methods, kept in
/// memory and served over plain HTTP/2 on 127.0.0.1, because no Qdrant server can be installed on the test machine.
/// </summary>
/// <remarks>
/// It returns NotFound for a missing collection and AlreadyExists for a second create, the codes recent Qdrant servers send.
/// </remarks>
public sealed class QdrantCollectionsStandIn : QdrantCollectionsServiceBase
{
    private readonly Store _store;

    public QdrantCollectionsStandIn(Store store)
    {
        _store = store;
    }

    public override Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context)
    {
        if (!_store.Collections.TryGetValue(request.CollectionName, out var parameters))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{request.CollectionName}` doesn't exist!"));
        }

        return Task.FromResult(new GetCollectionInfoResponse
        {
            Result = new CollectionInfo { Status = CollectionStatus.Green, Config = new CollectionConfig { Params = parameters.Clone() } },
        });
    }

    public override Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        var parameters = new CollectionParams
        {
            ShardNumber = request.ShardNumber,
            ReplicationFactor = request.ReplicationFactor,
            WriteConsistencyFactor = request.WriteConsistencyFactor,
            VectorsConfig = request.VectorsConfig,
        };
        if (!_store.Collections.TryAdd(request.CollectionName, parameters))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Collection `{request.CollectionName}` already exists!"));
        }

        _store.CreateRequests.Add(request.Clone());
        return Task.FromResult(new CollectionOperationResponse { Result = true });
    }

    /// <summary>The collections of one stand-in server, shared by every call.</summary>
    public sealed class Store
    {
        public ConcurrentDictionary<string, CollectionParams> Collections { get; } = new(StringComparer.Ordinal);

        public ConcurrentBag<CreateCollection> CreateRequests { get; } = [];
    }

    /// <summary>Starts the stand-in on a free port of 127.0.0.1.</summary>
    public static async Task<(WebApplication Application, Uri Address, Store Store)> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var store = new Store();
        builder.Services.AddSingleton(store);
        builder.Services.AddGrpc();
        var application = builder.Build();
        application.MapGrpcService<QdrantCollectionsStandIn>();
        await application.StartAsync();
        var address = new Uri(application.Urls.Single());
        return (application, address, store);
    }
}
