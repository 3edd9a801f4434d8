using System.Net;
using GbOperator.Infrastructure.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace GbOperator.Infrastructure.Tests.Resilience;

public sealed class ClientPipelineTests
{
    private static readonly ClientResilienceOptions Options = new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(10),
        BreakerMinimumThroughput = 100,
    };

    private readonly FakeTimeProvider _time = new();
    private readonly ListLogger<ClientPipelineTests> _logger = new();

    [Fact]
    public async Task ExecuteAsync_RefusedThenSuccess_Retries()
    {
        ClientPipeline pipeline = CreatePipeline(Options);
        int attempts = 0;

        int result = await RunAsync(pipeline.ExecuteAsync(
            new ClientCall("get instance", "p/bot-1", Idempotent: true),
            _ =>
            {
                attempts++;
                return attempts < 3 ? throw ConnectionRefused() : ValueTask.FromResult(42);
            },
            CancellationToken.None));

        result.Should().Be(42);
        attempts.Should().Be(3);
        LogEntry[] warnings = _logger.Entries.Where(entry => entry.Level == LogLevel.Warning).ToArray();
        warnings.Should().HaveCount(2);
        warnings[0].Message.Should().Contain("get instance").And.Contain("p/bot-1").And.Contain("attempt 1 of 4");
        warnings[1].Message.Should().Contain("attempt 2 of 4");
        _logger.Entries.Should().NotContain(entry => entry.Level == LogLevel.Error);
    }

    [Fact]
    public async Task ExecuteAsync_AlwaysFailing_GivesUpWithError()
    {
        ClientPipeline pipeline = CreatePipeline(Options);
        int attempts = 0;

        Func<Task> run = () => RunAsync(pipeline.ExecuteAsync<int>(
            new ClientCall("list instances", "project p", Idempotent: true),
            _ =>
            {
                attempts++;
                throw new TransientHttpStatusException(HttpStatusCode.ServiceUnavailable, "busy");
            },
            CancellationToken.None));

        await run.Should().ThrowAsync<TransientHttpStatusException>();
        attempts.Should().Be(4);
        _logger.Entries.Count(entry => entry.Level == LogLevel.Warning).Should().Be(3);
        LogEntry error = _logger.Entries.Should().ContainSingle(entry => entry.Level == LogLevel.Error).Which;
        error.Message.Should().Contain("list instances").And.Contain("after 4 attempt(s)");
        error.Exception.Should().BeOfType<TransientHttpStatusException>();
    }

    [Fact]
    public async Task ExecuteAsync_CreateServerError_NotRetried()
    {
        ClientPipeline pipeline = CreatePipeline(Options);
        int attempts = 0;

        Func<Task> run = () => RunAsync(pipeline.ExecuteAsync<int>(
            new ClientCall("create instance", "p/bot-1", Idempotent: false),
            _ =>
            {
                attempts++;
                throw new TransientHttpStatusException(HttpStatusCode.InternalServerError, "boom");
            },
            CancellationToken.None));

        await run.Should().ThrowAsync<TransientHttpStatusException>();
        attempts.Should().Be(1);
        _logger.Entries.Should().NotContain(entry => entry.Level == LogLevel.Warning);
        _logger.Entries.Should().ContainSingle(entry => entry.Level == LogLevel.Error);
    }

    [Fact]
    public async Task ExecuteAsync_CreateRefused_Retried()
    {
        ClientPipeline pipeline = CreatePipeline(Options);
        int attempts = 0;

        int result = await RunAsync(pipeline.ExecuteAsync(
            new ClientCall("create instance", "p/bot-1", Idempotent: false),
            _ =>
            {
                attempts++;
                return attempts < 2 ? throw ConnectionRefused() : ValueTask.FromResult(1);
            },
            CancellationToken.None));

        result.Should().Be(1);
        attempts.Should().Be(2);
    }

    [Fact]
    public async Task ExecuteAsync_NonTransientFailure_NotRetried()
    {
        ClientPipeline pipeline = CreatePipeline(Options);
        int attempts = 0;

        Func<Task> run = () => RunAsync(pipeline.ExecuteAsync<int>(
            new ClientCall("get instance", "p/bot-1", Idempotent: true),
            _ =>
            {
                attempts++;
                throw new InvalidOperationException("not found");
            },
            CancellationToken.None));

        await run.Should().ThrowAsync<InvalidOperationException>();
        attempts.Should().Be(1);
        _logger.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_RepeatedFailures_OpensCircuit()
    {
        ClientPipeline pipeline = CreatePipeline(Options with { MaxRetryAttempts = 0, BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5 });
        var call = new ClientCall("get instance", "p/bot-1", Idempotent: true);
        int attempts = 0;
        ValueTask<int> Fail(CancellationToken token)
        {
            attempts++;
            throw ConnectionRefused();
        }

        for (int i = 0; i < 2; i++)
        {
            Func<Task> failing = () => pipeline.ExecuteAsync<int>(call, Fail, CancellationToken.None);
            await failing.Should().ThrowAsync<HttpRequestException>();
        }

        Func<Task> run = () => pipeline.ExecuteAsync<int>(call, Fail, CancellationToken.None);

        await run.Should().ThrowAsync<BrokenCircuitException>();
        attempts.Should().Be(2);
        _logger.Entries.Should().Contain(entry => entry.Level == LogLevel.Error && entry.Message.Contains("Circuit to Test opened"));
    }

    private ClientPipeline CreatePipeline(ClientResilienceOptions options) => new("Test", options, _time, _logger, randomizer: () => 0.5);

    private static HttpRequestException ConnectionRefused() =>
        new(HttpRequestError.ConnectionError, "Connection refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

    /// <summary>Advances the fake clock until <paramref name="task"/> completes, so retry delays pass without real waiting.</summary>
    private async Task<T> RunAsync<T>(Task<T> task)
    {
        for (int step = 0; step < 1000 && !task.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        return await task;
    }
}
