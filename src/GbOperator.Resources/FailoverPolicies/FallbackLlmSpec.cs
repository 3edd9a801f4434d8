namespace GbOperator.Resources.FailoverPolicies;

/// <summary>The language model bots use when their configured one fails.</summary>
public sealed record FallbackLlmSpec
{
    /// <summary>Whether the fallback model is used.</summary>
    /// <value><c>true</c>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Provider of the fallback model, such as <c>local</c>.</summary>
    /// <value>local.</value>
    public string Provider { get; init; } = "local";

    /// <summary>Model name.</summary>
    /// <value>DeepSeek-R1-Distill-Qwen-1.5B.</value>
    public string Model { get; init; } = "DeepSeek-R1-Distill-Qwen-1.5B";
}
