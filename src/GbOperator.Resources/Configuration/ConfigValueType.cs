namespace GbOperator.Resources.Configuration;

/// <summary>How a config.csv value is written and how it becomes a field value.</summary>
public enum ConfigValueType
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>Text, copied as is.</summary>
    String,

    /// <summary>A whole number of seconds, written to the field as a duration such as <c>30s</c>.</summary>
    Seconds,

    /// <summary>A whole number of milliseconds, written to the field as a duration such as <c>2s</c>.</summary>
    Milliseconds,

    /// <summary>A comma-separated list, written to the field as an array of strings.</summary>
    List,

    /// <summary>
    /// A PostgreSQL host. The field contains a shard name, so a converter adds a shard for the host and writes
    /// that shard's name.
    /// </summary>
    ShardHost,
}
