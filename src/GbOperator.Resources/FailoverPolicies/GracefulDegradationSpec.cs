namespace GbOperator.Resources.FailoverPolicies;

/// <summary>Fallbacks bots switch to while a backend is unavailable.</summary>
public sealed record GracefulDegradationSpec
{
    /// <summary>A local language model used when the configured one fails.</summary>
    public FallbackLlmSpec FallbackLlm { get; init; } = new();

    /// <summary>Whether bots fall back to another cache when Redis is down.</summary>
    /// <value><c>true</c>.</value>
    public bool CacheEnabled { get; init; } = true;

    /// <summary>The cache used while Redis is down: <c>memory</c>, an in-process cache.</summary>
    /// <value>memory.</value>
    public string CacheMode { get; init; } = FallbackMode.Memory;

    /// <summary>Whether bots fall back to another search when Qdrant is down.</summary>
    /// <value><c>true</c>.</value>
    public bool VectorDbEnabled { get; init; } = true;

    /// <summary>The search used while Qdrant is down: <c>keyword-search</c>, a full-text search in PostgreSQL.</summary>
    /// <value>keyword-search.</value>
    public string VectorDbMode { get; init; } = FallbackMode.KeywordSearch;
}
