using GbOperator.Controllers.Autoscaling;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>Health reader that returns <see cref="Bodies"/> by host port and fails for other ports.</summary>
internal sealed class ScriptedHealthReader : IHealthReader
{
    /// <summary>Response body per host port.</summary>
    public Dictionary<int, string> Bodies { get; } = [];

    /// <summary>Paths requested, in order.</summary>
    public List<string> Paths { get; } = [];

    public Task<string> ReadAsync(int hostPort, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Paths.Add(path);
        return Bodies.TryGetValue(hostPort, out string? body)
            ? Task.FromResult(body)
            : Task.FromException<string>(new HttpRequestException($"Connection refused (127.0.0.1:{hostPort})"));
    }
}
