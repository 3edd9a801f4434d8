namespace GbOperator.Resources.BotClusters;

/// <summary>What a rate limit counts requests by.</summary>
public static class RateLimitKey
{
    /// <summary>The client's remote address.</summary>
    public const string Ip = "ip";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } = [Ip];
}
