using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbOperator.Resources.Serialization;

/// <summary>
/// Reads any RFC 3339 time and writes UTC with whole seconds and a <c>Z</c>, such as
/// <c>2026-12-04T19:50:46Z</c>, the form Kubernetes <c>metav1.Time</c> uses and kubectl parses.
/// </summary>
/// <remarks>A <see cref="DateTimeKind.Unspecified"/> value is taken to be UTC already.</remarks>
public sealed class Rfc3339DateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected an RFC 3339 time string but found {reader.TokenType}");
        }

        var text = reader.GetString()!;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new JsonException($"'{text}' is not an RFC 3339 time such as 2026-01-31T12:00:00Z");
        }

        return value.UtcDateTime;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    /// <summary>Formats <paramref name="value"/> as <c>yyyy-MM-ddTHH:mm:ssZ</c> in UTC.</summary>
    public static string Format(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
