using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>What the header says about the machine, so that figures from different hosts are not compared blindly.</summary>
public static class Machine
{
    /// <summary>The CPU model from <c>/proc/cpuinfo</c> on Linux, else the architecture.</summary>
    public static string Cpu()
    {
        const string cpuinfo = "/proc/cpuinfo";
        var model = File.Exists(cpuinfo)
            ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The distribution's pretty name on Linux (plus the kernel), else the runtime's OS description.</summary>
    public static string Os()
    {
        const string release = "/etc/os-release";
        var pretty = File.Exists(release)
            ? File.ReadLines(release).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        return pretty is null ? RuntimeInformation.OSDescription : $"{pretty} (kernel {Environment.OSVersion.Version})";
    }

    /// <summary>The 1/5/15-minute load averages on Linux: other work on the machine skews every figure.</summary>
    public static string LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        return File.Exists(loadavg) ? string.Join('/', File.ReadAllText(loadavg).Split(' ').Take(3)) : "unknown";
    }

    /// <summary>False when the benchmark itself was built without optimisation (a Debug run).</summary>
    public static bool IsOptimised() =>
        typeof(Machine).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };
}
