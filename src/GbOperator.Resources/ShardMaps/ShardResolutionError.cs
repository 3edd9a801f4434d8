namespace GbOperator.Resources.ShardMaps;

/// <summary>Why a key could not be resolved to a shard.</summary>
public enum ShardResolutionError
{
    /// <summary>The key has the wrong form for the strategy, such as a non-numeric key for <c>range</c>.</summary>
    InvalidKey,

    /// <summary>The region is not a region code.</summary>
    InvalidRegion,

    /// <summary>The key is well-formed but no shard stores it: an unlisted tenant, or a key outside every range.</summary>
    NotFound,
}
