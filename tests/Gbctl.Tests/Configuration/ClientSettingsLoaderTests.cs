using Gbctl.Cli;
using Gbctl.Configuration;

namespace Gbctl.Tests.Configuration;

public sealed class ClientSettingsLoaderTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("gbctl-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void Load_NoFileNoFlags_UsesDefaults()
    {
        var settings = ClientSettingsLoader.Load(new ConfigOptions(null, null, null, null), Context());

        settings.Server.Should().Be(ClientSettingsLoader.DefaultServer);
        settings.Namespace.Should().Be("default");
        settings.Source.Should().Be($"the default address, because {Path.Combine(_home, ".gb", "config")} does not exist");
    }

    [Fact]
    public void Load_HomeConfig_UsesCurrentContext()
    {
        WriteConfig(Path.Combine(_home, ".gb", "config"), "http://127.0.0.1:7001", "bots");

        var settings = ClientSettingsLoader.Load(new ConfigOptions(null, null, null, null), Context());

        settings.Server.Should().Be(new Uri("http://127.0.0.1:7001"));
        settings.Namespace.Should().Be("bots");
    }

    [Fact]
    public void Load_GbconfigVariable_TakesPrecedenceOverHome()
    {
        WriteConfig(Path.Combine(_home, ".gb", "config"), "http://127.0.0.1:7001", "bots");
        var other = Path.Combine(_home, "other");
        WriteConfig(other, "http://127.0.0.1:7002", "team");

        var settings = ClientSettingsLoader.Load(new ConfigOptions(null, null, null, null), Context(other));

        settings.Server.Should().Be(new Uri("http://127.0.0.1:7002"));
    }

    [Fact]
    public void Load_KubeconfigFlag_TakesPrecedenceOverVariable()
    {
        var flagged = Path.Combine(_home, "flagged");
        WriteConfig(flagged, "http://127.0.0.1:7003", "flag");
        var variable = Path.Combine(_home, "variable");
        WriteConfig(variable, "http://127.0.0.1:7002", "team");

        var settings = ClientSettingsLoader.Load(new ConfigOptions(flagged, null, null, null), Context(variable));

        settings.Server.Should().Be(new Uri("http://127.0.0.1:7003"));
    }

    [Fact]
    public void Load_ServerAndNamespaceFlags_OverrideFile()
    {
        WriteConfig(Path.Combine(_home, ".gb", "config"), "http://127.0.0.1:7001", "bots");

        var settings = ClientSettingsLoader.Load(new ConfigOptions(null, "http://127.0.0.1:7009", null, "mine"), Context());

        settings.Server.Should().Be(new Uri("http://127.0.0.1:7009"));
        settings.Namespace.Should().Be("mine");
    }

    [Fact]
    public void Load_ContextFlag_SelectsThatContext()
    {
        var path = Path.Combine(_home, ".gb", "config");
        WriteConfig(path, "http://127.0.0.1:7001", "bots");

        var settings = ClientSettingsLoader.Load(new ConfigOptions(null, null, "second", null), Context());

        settings.Server.Should().Be(new Uri("http://127.0.0.1:7101"));
        settings.Namespace.Should().Be("second-ns");
    }

    [Fact]
    public void Load_MissingNamedFile_Throws()
    {
        var missing = Path.Combine(_home, "missing");

        var act = () => ClientSettingsLoader.Load(new ConfigOptions(missing, null, null, null), Context());

        act.Should().Throw<CliException>().WithMessage($"*{missing}*not found*--server*");
    }

    [Fact]
    public void Load_UnknownContext_NamesAvailableOnes()
    {
        WriteConfig(Path.Combine(_home, ".gb", "config"), "http://127.0.0.1:7001", "bots");

        var act = () => ClientSettingsLoader.Load(new ConfigOptions(null, null, "third", null), Context());

        act.Should().Throw<CliException>().WithMessage("context \"third\" from --context not found in *Available contexts: main, second.");
    }

    [Fact]
    public void Load_MalformedFile_ReportsPosition()
    {
        var path = Path.Combine(_home, "broken");
        File.WriteAllText(path, "apiVersion: v1\nclusters: [\n");

        var act = () => ClientSettingsLoader.Load(new ConfigOptions(path, null, null, null), Context());

        act.Should().Throw<CliException>().WithMessage($"invalid config file {path}:*:*: *");
    }

    [Fact]
    public void Load_InvalidServerFlag_ThrowsWithExample()
    {
        var act = () => ClientSettingsLoader.Load(new ConfigOptions(null, "127.0.0.1:6443", null, null), Context());

        act.Should().Throw<CliException>().WithMessage("*invalid server address*http://*");
    }

    private CliContext Context(string? gbconfig = null) => new(
        TextReader.Null,
        TextWriter.Null,
        TextWriter.Null,
        name => name == ClientSettingsLoader.ConfigVariable ? gbconfig : null,
        _home);

    private static void WriteConfig(string path, string server, string @namespace)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: main
              cluster:
                server: {server}
            - name: second
              cluster:
                server: http://127.0.0.1:7101
            users:
            - name: dev
              user: {"{}"}
            contexts:
            - name: main
              context:
                cluster: main
                user: dev
                namespace: {@namespace}
            - name: second
              context:
                cluster: second
                user: dev
                namespace: second-ns
            current-context: main
            """);
    }
}
