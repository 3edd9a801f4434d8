using System.Net.Http.Headers;
using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gbctl.Cli;
using Gbctl.Configuration;
using k8s;

namespace Gbctl.Api;

/// <summary>
/// Sends requests to the API server and turns error responses into <see cref="ApiException"/>
/// and connection failures into <see cref="ServerUnreachableException"/>.
/// </summary>
internal sealed class ApiClient : IDisposable
{
    /// <summary>Time limit of one request that is not a watch.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly ClientSettings _settings;

    public ApiClient(ClientSettings settings)
    {
        _settings = settings;
        _http = new HttpClient(CreateHandler(settings.Credentials), disposeHandler: true)
        {
            BaseAddress = settings.Server,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"gbctl/{VersionInfo.ClientVersion}");
    }

    /// <summary>Base address of the API server.</summary>
    public Uri Server => _settings.Server;

    /// <summary>Reads one object or list.</summary>
    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken, string accept = MediaTypes.Json) =>
        SendAsync(HttpMethod.Get, path, null, null, accept, cancellationToken);

    /// <summary>Reads one object, or returns <c>null</c> when the server reports 404.</summary>
    public async Task<JsonObject?> GetOrNullAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(path, cancellationToken);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            return null;
        }
    }

    /// <summary>Sends one request and returns the JSON object of a successful response.</summary>
    /// <exception cref="ApiException">The server returned an error status.</exception>
    /// <exception cref="ServerUnreachableException">No response arrived.</exception>
    public async Task<JsonObject> SendAsync(
        HttpMethod method,
        string path,
        JsonNode? body,
        string? contentType,
        string accept,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);

        using var request = await CreateRequestAsync(method, path, accept, cancellationToken);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? MediaTypes.Json);
        }

        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);

        if (!response.IsSuccessStatusCode)
        {
            throw ApiException.FromResponse((int)response.StatusCode, text);
        }

        return ParseObject(text, method, path);
    }

    /// <summary>
    /// Opens a watch and yields each event object (<c>{"type":…,"object":…}</c>) until the server
    /// closes the stream or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async IAsyncEnumerable<JsonObject> WatchAsync(
        string path,
        string accept,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = await CreateRequestAsync(HttpMethod.Get, path, accept, cancellationToken);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken, cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            throw ApiException.FromResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        while (await ReadLineOrNullAsync(reader, cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var watchEvent = ParseObject(line, HttpMethod.Get, path);
            if ((string?)watchEvent["type"] == "ERROR" && watchEvent["object"] is JsonObject status)
            {
                throw ApiException.FromResponse((int?)status["code"] ?? 500, status.ToJsonString());
            }

            yield return watchEvent;
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string?> ReadLineOrNullAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The server closed a chunked stream abruptly: the watch ends like a clean close.
            return null;
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string path, string accept, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var credentials = _settings.Credentials;
        if (credentials?.TokenProvider is { } tokenProvider)
        {
            request.Headers.Authorization = await tokenProvider.GetAuthenticationHeaderAsync(cancellationToken);
        }
        else if (!string.IsNullOrEmpty(credentials?.AccessToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        }
        else if (!string.IsNullOrEmpty(credentials?.Username))
        {
            var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", pair);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendCoreAsync(
        HttpRequestMessage request,
        HttpCompletionOption completion,
        CancellationToken requestToken,
        CancellationToken callerToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, requestToken);
        }
        catch (HttpRequestException e)
        {
            throw new ServerUnreachableException(_settings.Server, _settings.Source, e);
        }
        catch (OperationCanceledException e) when (!callerToken.IsCancellationRequested)
        {
            throw new ServerUnreachableException(
                _settings.Server,
                _settings.Source,
                new TimeoutException($"no response within {RequestTimeout.TotalSeconds:0} s", e));
        }
    }

    private static JsonObject ParseObject(string text, HttpMethod method, string path)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject result)
            {
                return result;
            }
        }
        catch (JsonException)
        {
            // Reported below with the request that produced it.
        }

        throw new ApiException(
            500,
            "InternalError",
            $"the server returned a response to {method} {path} that is not a JSON object: {Truncate(text)}",
            null);
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static SocketsHttpHandler CreateHandler(KubernetesClientConfiguration? credentials)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (credentials is null)
        {
            return handler;
        }

        if (credentials.SkipTlsVerify)
        {
#pragma warning disable CA5359 // The config file's insecure-skip-tls-verify turns certificate checks off on purpose.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (credentials.SslCaCerts is { Count: > 0 } authorities)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                ValidateWithAuthorities(certificate, errors, authorities);
        }

        if (!string.IsNullOrEmpty(credentials.TlsServerName))
        {
            handler.SslOptions.TargetHost = credentials.TlsServerName;
        }

        if (!string.IsNullOrEmpty(credentials.ClientCertificateData) || !string.IsNullOrEmpty(credentials.ClientCertificateFilePath))
        {
            handler.SslOptions.ClientCertificates = [ClientCertificate(credentials)];
        }

        return handler;
    }

    /// <summary>Loads the PEM client certificate and key that the config file embeds or names.</summary>
    private static X509Certificate2 ClientCertificate(KubernetesClientConfiguration credentials)
    {
        var certificate = !string.IsNullOrEmpty(credentials.ClientCertificateData)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(credentials.ClientCertificateData))
            : File.ReadAllText(credentials.ClientCertificateFilePath!);
        var key = !string.IsNullOrEmpty(credentials.ClientCertificateKeyData)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(credentials.ClientCertificateKeyData))
            : File.ReadAllText(credentials.ClientKeyFilePath!);
        return X509Certificate2.CreateFromPem(certificate, key);
    }

    private static bool ValidateWithAuthorities(
        X509Certificate? certificate,
        SslPolicyErrors errors,
        X509Certificate2Collection authorities)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }
}
