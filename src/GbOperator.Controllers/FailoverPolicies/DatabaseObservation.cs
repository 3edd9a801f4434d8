using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>What one pass found out about the PostgreSQL primary.</summary>
/// <param name="Primary">The primary to route to as <c>host:port</c>, or <c>null</c> when there is no usable one.</param>
/// <param name="PrimaryMember">Patroni member name of <paramref name="Primary"/>.</param>
/// <param name="Members">The members as Patroni reported them; empty when Patroni was not reached.</param>
/// <param name="Reason">UpperCamelCase reason of the <c>DatabaseAvailable</c> condition.</param>
/// <param name="Message">Message of the <c>DatabaseAvailable</c> condition.</param>
internal sealed record DatabaseObservation(
    string? Primary, string? PrimaryMember, IReadOnlyList<PatroniMemberStatus> Members, string Reason, string Message)
{
    /// <summary>Whether a member was refused because its lag exceeded the policy's maximum.</summary>
    public bool Refused => Reason == PrimarySelector.LagExceeded;
}
