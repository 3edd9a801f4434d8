using System.CommandLine;
using Gbctl.Api;
using Gbctl.Configuration;

namespace Gbctl.Cli;

/// <summary>What a running command needs: its streams, the resolved settings and a client for the API server.</summary>
internal sealed class CommandSession : IDisposable
{
    private ApiClient? _client;

    private CommandSession(CliContext context, ClientSettings settings, bool namespaceExplicit)
    {
        Context = context;
        Settings = settings;
        NamespaceExplicit = namespaceExplicit;
    }

    public CliContext Context { get; }

    public ClientSettings Settings { get; }

    /// <summary>Whether the user passed <c>-n</c>, so objects naming another namespace are an error.</summary>
    public bool NamespaceExplicit { get; }

    public TextWriter Out => Context.Out;

    public TextWriter Error => Context.Error;

    /// <summary>The namespace of requests whose objects name none.</summary>
    public string Namespace => Settings.Namespace;

    /// <summary>The API client, created on first use.</summary>
    public ApiClient Client => _client ??= new ApiClient(Settings);

    /// <summary>Resolves the settings of <paramref name="result"/> and creates the session.</summary>
    public static CommandSession Open(ParseResult result, GlobalOptions options, CliContext context)
    {
        var flags = options.Read(result);
        var settings = ClientSettingsLoader.Load(flags, context);
        return new CommandSession(context, settings, flags.Namespace is not null);
    }

    public void Dispose() => _client?.Dispose();
}
