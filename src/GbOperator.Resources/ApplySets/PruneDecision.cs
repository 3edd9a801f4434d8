using System.Diagnostics.CodeAnalysis;

namespace GbOperator.Resources.ApplySets;

/// <summary>Whether an apply may delete the members that left its set, and why not when it may not.</summary>
public sealed record PruneDecision
{
    private PruneDecision(bool allowed, string? reason)
    {
        Allowed = allowed;
        Reason = reason;
    }

    /// <summary>Whether the prune may go ahead.</summary>
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool Allowed { get; }

    /// <summary>Why the prune was rejected, in a sentence that names the override; <c>null</c> when allowed.</summary>
    public string? Reason { get; }

    /// <summary>The default of <see cref="Decide"/>'s maximum share: half of the members.</summary>
    public const int DefaultMaxPrunePercent = 50;

    /// <summary>
    /// Decides whether <paramref name="pruneCount"/> of <paramref name="memberCount"/> members may be deleted: not when
    /// the source has no objects, and not when more than <paramref name="maxPrunePercent"/> percent would go, unless
    /// <paramref name="force"/> is set.
    /// </summary>
    /// <param name="sourceCount">Objects in the source, such as the manifests of a folder.</param>
    /// <param name="memberCount">Members the set has before the prune, those that are pruned included.</param>
    /// <param name="pruneCount">Members that left the source.</param>
    /// <param name="maxPrunePercent">The largest share of members one prune may delete, from 0 to 100.</param>
    /// <param name="force">Skips both checks.</param>
    public static PruneDecision Decide(int sourceCount, int memberCount, int pruneCount, int maxPrunePercent, bool force)
    {
        if (pruneCount == 0 || force)
        {
            return new PruneDecision(true, null);
        }

        if (sourceCount == 0)
        {
            return new PruneDecision(false, $"the source has no objects, so the prune would delete all {pruneCount} members of the set; check the source, or force the prune to delete them");
        }

        if ((long)pruneCount * 100 > (long)memberCount * maxPrunePercent)
        {
            return new PruneDecision(false, $"the prune would delete {pruneCount} of {memberCount} members of the set, more than the maximum of {maxPrunePercent}%; check the source, raise the maximum, or force the prune");
        }

        return new PruneDecision(true, null);
    }
}
