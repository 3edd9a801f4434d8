namespace GbOperator.Controllers.BotClusters;

/// <summary>Why the cluster's Caddy server is not published, shown as the reason and message of its Ready condition.</summary>
/// <param name="Reason">Condition reason, such as <c>InvalidListenAddress</c> or <c>ListenAddressInUse</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
internal sealed record ListenerProblem(string Reason, string Message);
