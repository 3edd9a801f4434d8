using System.Globalization;
using System.Text.Json.Nodes;

namespace GbOperator.Resources.Configuration;

/// <summary>One General Bots config.csv key and the resource field it sets.</summary>
/// <param name="Key">The config.csv key, such as <c>scale-min-instances</c>.</param>
/// <param name="Kind">Kind of the resource that contains the field, such as <c>BotCluster</c>.</param>
/// <param name="FieldPath">JSONPath of the field, such as <c>.spec.autoscaling.minInstances</c>.</param>
/// <param name="ValueType">How the config.csv value is written.</param>
/// <param name="Default">The value General Bots documents as the default, in config.csv form, or <c>null</c> when it depends on the deployment.</param>
public sealed record ConfigKey(string Key, string Kind, string FieldPath, ConfigValueType ValueType, string? Default)
{
    /// <summary>Converts a config.csv value to the JSON value of the field.</summary>
    /// <exception cref="FormatException">The value does not fit <see cref="ValueType"/>.</exception>
    /// <remarks>A <see cref="ConfigValueType.ShardHost"/> value is returned unchanged, as the host.</remarks>
    public JsonNode ToFieldValue(string value)
    {
        var text = value.Trim();
        return ValueType switch
        {
            ConfigValueType.Boolean => bool.TryParse(text, out var flag)
                ? JsonValue.Create(flag)
                : throw Invalid(text, "true or false"),
            ConfigValueType.Integer => JsonValue.Create(ParseInteger(text)),
            ConfigValueType.Seconds => JsonValue.Create(Duration.Format(TimeSpan.FromSeconds(ParseInteger(text)))),
            ConfigValueType.Milliseconds => JsonValue.Create(Duration.Format(TimeSpan.FromMilliseconds(ParseInteger(text)))),
            ConfigValueType.List => new JsonArray(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(item => (JsonNode?)JsonValue.Create(item)).ToArray()),
            _ => JsonValue.Create(text),
        };
    }

    private long ParseInteger(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(text, "a whole number");

    private FormatException Invalid(string text, string expected) =>
        new($"config.csv key {Key} has the value '{text}', but it must be {expected}");
}
