using GbOperator.Infrastructure.Resilience;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>One client operation on LXD, for errors, retries and log lines.</summary>
/// <param name="Operation">Short name such as <c>start instance</c>.</param>
/// <param name="Project">LXD project of the request.</param>
/// <param name="Instance">Instance involved, when there is one.</param>
/// <param name="Idempotent">Whether the request may be repeated after LXD may have received it.</param>
internal sealed record LxdCall(string Operation, string Project, string? Instance, bool Idempotent)
{
    public ClientCall ToClientCall() =>
        new(Operation, Instance is null ? $"project {Project}" : $"{Project}/{Instance}", Idempotent);
}
