namespace GbOperator.Infrastructure.Lxd;

/// <summary>Owner and permission bits of a file pushed into an instance.</summary>
/// <param name="Uid">Owner uid inside the instance.</param>
/// <param name="Gid">Owner gid inside the instance.</param>
/// <param name="Mode">Permission bits, such as <c>0x1A4</c> for octal 0644 (write octal literals as <c>Convert.ToInt32("644", 8)</c>).</param>
public sealed record LxdFileOwnership(int Uid, int Gid, int Mode)
{
    /// <summary>root:root, mode 0644.</summary>
    public static LxdFileOwnership RootReadable { get; } = new(0, 0, Convert.ToInt32("644", 8));
}
