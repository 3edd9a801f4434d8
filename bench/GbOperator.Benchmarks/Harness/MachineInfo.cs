using System.Runtime.InteropServices;

namespace GbOperator.Benchmarks.Harness;

/// <summary>The machine and runtime a run was measured on.</summary>
internal sealed record MachineInfo(string Host, string Os, string Cpu, int Cores, double MemoryGiB, string Runtime)
{
    /// <summary>Describes the current machine from the runtime and <c>/proc/cpuinfo</c>.</summary>
    public static MachineInfo Current()
    {
        double memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return new MachineInfo(
            Environment.MachineName,
            RuntimeInformation.OSDescription,
            ReadCpuModel(),
            Environment.ProcessorCount,
            Math.Round(memoryGiB, 1),
            RuntimeInformation.FrameworkDescription);
    }

    private static string ReadCpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        string? line = File.ReadLines(cpuInfo).FirstOrDefault(text => text.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
