namespace GbOperator.Infrastructure.Patroni;

/// <summary>What Patroni reported for a switchover request.</summary>
/// <param name="Completed">
/// <c>true</c> when Patroni reported the switchover done (200); <c>false</c> when it reported
/// <c>Switchover status unknown</c> (503), which means it may still finish, so the caller polls <c>/cluster</c>.
/// </param>
/// <param name="Message">Patroni's plain-text answer.</param>
public sealed record SwitchoverOutcome(bool Completed, string Message);
