using System.Security.Cryptography;
using System.Text;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Hash of the spec fields that an instance cannot change without a restart.</summary>
internal static class SpecHash
{
    /// <summary>
    /// Computes a short hex hash over image, port, environment and limits. A change of any of them makes the
    /// controller replace the instances one at a time.
    /// </summary>
    public static string Compute(BotClusterSpec spec)
    {
        var text = new StringBuilder()
            .Append("image=").Append(spec.Image).Append('\n')
            .Append("port=").Append(spec.Port).Append('\n')
            .Append("cpu=").Append(spec.Limits.Cpu).Append('\n')
            .Append("memory=").Append(spec.Limits.Memory).Append('\n')
            .Append("disk-priority=").Append(spec.Limits.DiskPriority).Append('\n');
        foreach (var (name, value) in spec.Env.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append("env.").Append(name).Append('=').Append(value).Append('\n');
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash)[..16];
    }
}
