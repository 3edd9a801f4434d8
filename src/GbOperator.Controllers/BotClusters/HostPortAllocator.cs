namespace GbOperator.Controllers.BotClusters;

/// <summary>Chooses host ports for proxy devices from a fixed range.</summary>
internal static class HostPortAllocator
{
    /// <summary>
    /// Returns the lowest port in [<paramref name="first"/>, <paramref name="last"/>] that no instance records in
    /// <paramref name="used"/> and that <paramref name="isFree"/> accepts, or <c>null</c> when none is left.
    /// </summary>
    public static int? Allocate(int first, int last, IReadOnlySet<int> used, Func<int, bool> isFree)
    {
        for (int port = first; port <= last; port++)
        {
            if (!used.Contains(port) && isFree(port))
            {
                return port;
            }
        }

        return null;
    }
}
