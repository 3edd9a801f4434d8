namespace GbOperator;

/// <summary>Command-line values of the controllers that <c>serve</c> runs.</summary>
/// <param name="LxdSocket">Path of LXD's unix socket.</param>
/// <param name="LxdProject">LXD project of the BotCluster instances.</param>
/// <param name="CaddyAdmin">URL of Caddy's admin API.</param>
/// <param name="GitOpsCache">Folder of the GitRepository clones.</param>
internal sealed record ControllerSwitches(string LxdSocket, string LxdProject, string CaddyAdmin, string GitOpsCache);
