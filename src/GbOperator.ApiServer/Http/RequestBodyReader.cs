using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GbOperator.Resources;
using Microsoft.AspNetCore.Http;

namespace GbOperator.ApiServer.Http;

/// <summary>Reads request bodies as JSON or YAML, within the size limit, rejecting duplicate keys.</summary>
internal static class RequestBodyReader
{
    /// <summary>Reads the raw body, or throws 413 when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw StatusObjects.TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw StatusObjects.TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses a body as one JSON object, or as one YAML document when the content type is YAML.</summary>
    /// <exception cref="ApiException">400 BadRequest with the line and column of the problem.</exception>
    public static JsonObject ParseObject(byte[] body, string? contentTypeEssence)
    {
        if (MediaTypes.IsYaml(contentTypeEssence))
        {
            return ParseYaml(body);
        }

        return ParseJson(body) as JsonObject
            ?? throw StatusObjects.BadRequest("the request body must be a JSON object");
    }

    /// <summary>Parses a JSON body of any shape.</summary>
    /// <exception cref="ApiException">400 BadRequest with the line and column of the problem.</exception>
    public static JsonNode ParseJson(byte[] body)
    {
        if (body.Length == 0)
        {
            throw StatusObjects.BadRequest("the request body is empty; expected a JSON object");
        }

        try
        {
            CheckDuplicateKeys(body);
            return JsonNode.Parse(body) ?? throw StatusObjects.BadRequest("the request body is JSON null; expected a JSON object");
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            throw StatusObjects.BadRequest($"invalid JSON in the request body at line {line}, column {column}: {FirstSentence(exception.Message)}");
        }
    }

    private static JsonObject ParseYaml(byte[] body)
    {
        try
        {
            var documents = ManifestReader.Read(Encoding.UTF8.GetString(body), "request body");
            return documents.Count switch
            {
                1 => documents[0].Object,
                0 => throw StatusObjects.BadRequest("the request body is empty; expected one YAML document"),
                _ => throw StatusObjects.BadRequest($"the request body contains {documents.Count} YAML documents; send one object per request"),
            };
        }
        catch (ManifestSyntaxException exception)
        {
            throw StatusObjects.BadRequest($"invalid request body at line {exception.Line}, column {exception.Column}: {exception.Problem}");
        }
    }

    /// <summary>Rejects an object with the same key twice, which <see cref="JsonNode"/> would otherwise reject or collapse.</summary>
    private static void CheckDuplicateKeys(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var scopes = new Stack<HashSet<string>?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    scopes.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    scopes.Push(null);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    scopes.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (!scopes.Peek()!.Add(name))
                    {
                        var (line, column) = Position(body, reader.TokenStartIndex);
                        throw StatusObjects.BadRequest($"invalid JSON in the request body at line {line}, column {column}: duplicate field \"{name}\"");
                    }

                    break;
            }
        }
    }

    private static (int Line, int Column) Position(byte[] body, long offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var index = 0; index < offset; index++)
        {
            if (body[index] == (byte)'\n')
            {
                line++;
                lineStart = index + 1;
            }
        }

        return (line, (int)(offset - lineStart) + 1);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
