namespace GbOperator.Resources.FailoverPolicies;

/// <summary>The fallback modes of graceful degradation.</summary>
public static class FallbackMode
{
    /// <summary>An in-process cache in place of Redis.</summary>
    public const string Memory = "memory";

    /// <summary>Keyword search in place of vector search.</summary>
    public const string KeywordSearch = "keyword-search";

    /// <summary>Valid values of <see cref="GracefulDegradationSpec.CacheMode"/>.</summary>
    public static IReadOnlyList<string> CacheModes { get; } = [Memory];

    /// <summary>Valid values of <see cref="GracefulDegradationSpec.VectorDbMode"/>.</summary>
    public static IReadOnlyList<string> VectorDbModes { get; } = [KeywordSearch];
}
