using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Benchmarks.Cases.Codec;

/// <summary>
/// BenchmarkDotNet micro benchmarks of the per-request JSON work of the API server, each beside System.Text.Json
/// with the same serializer options.
/// </summary>
/// <remarks>BenchmarkDotNet requires benchmark classes to be public and not sealed.</remarks>
#pragma warning disable CA1515 // BenchmarkDotNet reflects over public benchmark types only.
public class CodecBenchmarks
#pragma warning restore CA1515
{
    private string _json = "";
    private BotCluster _cluster = null!;

    /// <summary>Prepares a BotCluster with every default filled in, as the API server stores it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string request = BotClusterDocuments.Create("bench", "codec", replicas: 3, listenPort: 8480).ToJsonString();
        _cluster = (BotCluster)(ResourceCodec.Decode(request).Resource ?? throw new InvalidOperationException("The benchmark BotCluster does not decode."));
        _json = ResourceCodec.Encode(_cluster).ToJsonString();
    }

    /// <summary>Parses the text, decodes it strictly (duplicate keys, nulls, unknown fields) and validates the result.</summary>
    [Benchmark]
    public int DecodeAndValidate()
    {
        var decoded = ResourceCodec.Decode(_json);
        return ResourceValidator.Validate(decoded.Resource!).Count;
    }

    /// <summary>Decodes strictly without validation, to separate the two costs.</summary>
    [Benchmark]
    public bool Decode() => ResourceCodec.Decode(_json).Resource is not null;

    /// <summary>Deserializes with the same options and nothing else.</summary>
    [Benchmark]
    public BotCluster? Deserialize() => JsonSerializer.Deserialize<BotCluster>(_json, ResourceCodec.SerializerOptions);

    /// <summary>Encodes with the type meta first, as every response does.</summary>
    [Benchmark]
    public string Encode() => ResourceCodec.Encode(_cluster).ToJsonString();

    /// <summary>Serializes with the same options and nothing else.</summary>
    [Benchmark]
    public string Serialize() => JsonSerializer.Serialize(_cluster, ResourceCodec.SerializerOptions);
}
