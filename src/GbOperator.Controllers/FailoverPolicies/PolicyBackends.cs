using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Patroni;
using GbOperator.Infrastructure.Sentinel;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>The clients and notice sources of one FailoverPolicy, built from one version of its spec.</summary>
/// <param name="Key">Namespace and name of the policy.</param>
/// <param name="Fingerprint">The spec fields the clients were built from; a different fingerprint means rebuild.</param>
/// <param name="Patroni">Patroni client, or <c>null</c> when the policy lists no Patroni endpoint.</param>
/// <param name="LeaderWatch">Watch of the leader key in etcd, or <c>null</c> when the policy lists no etcd endpoint.</param>
/// <param name="Sentinel">Sentinel client, or <c>null</c> when the policy lists no Sentinel endpoint.</param>
internal sealed record PolicyBackends(ObjectKey Key, string Fingerprint, PatroniClient? Patroni, PatroniLeaderWatch? LeaderWatch, SentinelClient? Sentinel)
    : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (LeaderWatch is not null)
        {
            await LeaderWatch.DisposeAsync();
        }

        if (Sentinel is not null)
        {
            await Sentinel.DisposeAsync();
        }
    }
}
