using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace GbOperator.Controllers.Tests.ShardMaps;

/// <summary>
/// Server side of the <c>Get</c> and <c>Create</c> methods of Qdrant's gRPC <c>qdrant.Collections</c> service, written by hand
/// because Qdrant.Client ships client stubs only. Grpc.AspNetCore binds the overrides of a derived class by method name.
/// </summary>
[BindServiceMethod(typeof(QdrantCollectionsServiceBase), nameof(BindService))]
public abstract class QdrantCollectionsServiceBase
{
    private const string ServiceName = "qdrant.Collections";

    private static readonly Method<GetCollectionInfoRequest, GetCollectionInfoResponse> GetMethod =
        new(MethodType.Unary, ServiceName, "Get", Marshal(GetCollectionInfoRequest.Parser), Marshal(GetCollectionInfoResponse.Parser));

    private static readonly Method<CreateCollection, CollectionOperationResponse> CreateMethod =
        new(MethodType.Unary, ServiceName, "Create", Marshal(CreateCollection.Parser), Marshal(CollectionOperationResponse.Parser));

    /// <summary>Registers the methods; Grpc.AspNetCore calls it with a null service and then finds the overrides.</summary>
    public static void BindService(ServiceBinderBase binder, QdrantCollectionsServiceBase? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(GetMethod, service is null ? null : service.Get);
        binder.AddMethod(CreateMethod, service is null ? null : service.Create);
    }

    public virtual Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Get is not implemented"));

    public virtual Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Create is not implemented"));

    private static Marshaller<T> Marshal<T>(MessageParser<T> parser)
        where T : IMessage<T> =>
        Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
}
