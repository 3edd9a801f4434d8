namespace Gbctl.Prune;

/// <summary>The prune flags of <c>gbctl apply</c> and <c>gbctl diff</c>.</summary>
/// <param name="Enabled">Whether <c>--prune</c> was given.</param>
/// <param name="ApplySetName">The <c>--applyset</c> name, or <c>null</c> to use the folder's name.</param>
/// <param name="MaxPrunePercent">The largest share of the set's members, in percent, that one apply may delete.</param>
/// <param name="Force">Whether <c>--force-prune</c> skips the share and empty-source checks.</param>
internal sealed record PruneSettings(bool Enabled, string? ApplySetName, int MaxPrunePercent, bool Force);
