using System.Threading.Channels;
using GbOperator.Controllers.Runtime;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>One watch opened on a <see cref="ScriptedResourceClient"/>; the test sends its events and ends it.</summary>
internal sealed class ScriptedWatch(string resourceVersion, TimeSpan? timeout)
{
    private readonly Channel<WatchEvent<Widget>> _events = Channel.CreateUnbounded<WatchEvent<Widget>>();
    private Exception? _failure;

    /// <summary>The resourceVersion the watch was opened from.</summary>
    public string ResourceVersion { get; } = resourceVersion;

    /// <summary>The server-side timeout the watch asked for.</summary>
    public TimeSpan? Timeout { get; } = timeout;

    public void Send(WatchEventType type, Widget widget) => _events.Writer.TryWrite(new WatchEvent<Widget>(type, widget));

    /// <summary>Ends the stream as the server does when it closes a watch.</summary>
    public void Close() => _events.Writer.TryComplete();

    /// <summary>Ends the stream with <paramref name="exception"/>, as a dropped connection or an ERROR event does.</summary>
    public void Fail(Exception exception)
    {
        _failure = exception;
        _events.Writer.TryComplete();
    }

    public async IAsyncEnumerable<WatchEvent<Widget>> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var watchEvent in _events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return watchEvent;
        }

        if (_failure is not null)
        {
            throw _failure;
        }
    }
}
