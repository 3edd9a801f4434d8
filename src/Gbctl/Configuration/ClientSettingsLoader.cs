using Gbctl.Cli;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace Gbctl.Configuration;

/// <summary>
/// Resolves the API server address and default namespace from a kubeconfig-format file and the flags.
/// </summary>
/// <remarks>
/// The file is <c>--kubeconfig</c>, else the <c>GBCONFIG</c> variable, else <c>~/.gb/config</c>.
/// <c>--server</c> replaces the file's server address. With no file and no <c>--server</c>,
/// the server is <see cref="DefaultServer"/>.
/// </remarks>
internal static class ClientSettingsLoader
{
    /// <summary>Server address used when neither a config file nor <c>--server</c> names one.</summary>
    public static readonly Uri DefaultServer = new("http://127.0.0.1:6443");

    /// <summary>Namespace used when neither <c>-n</c> nor the context names one.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>Environment variable naming the config file.</summary>
    public const string ConfigVariable = "GBCONFIG";

    /// <summary>Builds the settings for one invocation.</summary>
    /// <exception cref="CliException">The config file named by a flag or variable is missing, or it is invalid.</exception>
    public static ClientSettings Load(ConfigOptions options, CliContext context)
    {
        var (path, explicitlyNamed) = ConfigPath(options, context);
        KubernetesClientConfiguration? fileConfig = null;

        if (File.Exists(path))
        {
            fileConfig = ReadFile(path, options);
        }
        else if (explicitlyNamed)
        {
            throw new CliException(
                $"config file {path} not found. Create it, or pass --server URL to connect without one.");
        }
        else if (options.Context is not null)
        {
            throw new CliException(
                $"context \"{options.Context}\" does not exist because there is no config file at {path}. Create the file or drop --context.");
        }

        var @namespace = NonEmpty(options.Namespace) ?? NonEmpty(fileConfig?.Namespace) ?? DefaultNamespace;

        if (options.Server is not null)
        {
            return new ClientSettings(ParseServer(options.Server, "--server"), @namespace, "--server", fileConfig);
        }

        if (fileConfig is not null)
        {
            return new ClientSettings(ParseServer(fileConfig.Host, path), @namespace, path, fileConfig);
        }

        return new ClientSettings(DefaultServer, @namespace, $"the default address, because {path} does not exist", null);
    }

    private static (string Path, bool ExplicitlyNamed) ConfigPath(ConfigOptions options, CliContext context)
    {
        if (!string.IsNullOrEmpty(options.Kubeconfig))
        {
            return (Path.GetFullPath(options.Kubeconfig), true);
        }

        var fromVariable = context.GetEnvironmentVariable(ConfigVariable);
        if (!string.IsNullOrEmpty(fromVariable))
        {
            return (Path.GetFullPath(fromVariable), true);
        }

        return (Path.Combine(context.HomeDirectory, ".gb", "config"), false);
    }

    private static KubernetesClientConfiguration ReadFile(string path, ConfigOptions options)
    {
        try
        {
            var config = KubernetesClientConfiguration.LoadKubeConfig(path);
            CheckContext(config, options.Context ?? config.CurrentContext, path, options.Context is null ? "current-context" : "--context");
            DetachUsersWithoutCredentials(config);
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(config, options.Context);
        }
        catch (KubeConfigException e)
        {
            throw new CliException($"invalid config file {path}: {e.Message}");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new CliException($"invalid config file {path}:{e.Start.Line}:{e.Start.Column}: {e.Message}");
        }
    }

    /// <summary>Checks that the chosen context exists, naming the ones that do when it is missing.</summary>
    private static void CheckContext(K8SConfiguration config, string? name, string path, string source)
    {
        var names = (config.Contexts ?? []).Select(c => c.Name).ToList();
        if (string.IsNullOrEmpty(name))
        {
            throw new CliException($"config file {path} sets no current-context. Pass --context with one of: {string.Join(", ", names)}.");
        }

        if (!names.Contains(name, StringComparer.Ordinal))
        {
            var available = names.Count == 0 ? "The file defines no contexts" : $"Available contexts: {string.Join(", ", names)}";
            throw new CliException($"context \"{name}\" from {source} not found in {path}. {available}.");
        }
    }

    /// <summary>
    /// Removes from each context a user entry without credentials (<c>user: {}</c>), which kubectl
    /// accepts for a server without authentication but KubernetesClient rejects.
    /// </summary>
    private static void DetachUsersWithoutCredentials(K8SConfiguration config)
    {
        var empty = (config.Users ?? [])
            .Where(u => u.UserCredentials is null || !HasCredentials(u.UserCredentials))
            .Select(u => u.Name)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var context in config.Contexts ?? [])
        {
            if (context.ContextDetails?.User is { } user && empty.Contains(user))
            {
                context.ContextDetails.User = null;
            }
        }
    }

    private static bool HasCredentials(UserCredentials credentials) =>
        !string.IsNullOrEmpty(credentials.ClientCertificateData)
        || !string.IsNullOrEmpty(credentials.ClientCertificate)
        || !string.IsNullOrEmpty(credentials.ClientKeyData)
        || !string.IsNullOrEmpty(credentials.ClientKey)
        || !string.IsNullOrEmpty(credentials.Token)
        || !string.IsNullOrEmpty(credentials.UserName)
        || !string.IsNullOrEmpty(credentials.Password)
        || credentials.AuthProvider is not null
        || credentials.ExternalExecution is not null;

    private static Uri ParseServer(string? value, string source)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        throw new CliException(
            $"invalid server address \"{value}\" from {source}: expected an http:// or https:// URL such as {DefaultServer}.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
