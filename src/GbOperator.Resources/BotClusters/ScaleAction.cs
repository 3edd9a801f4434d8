namespace GbOperator.Resources.BotClusters;

/// <summary>The direction a scaling rule moves the number of instances.</summary>
public static class ScaleAction
{
    /// <summary>Add an instance.</summary>
    public const string Up = "up";

    /// <summary>Remove an instance.</summary>
    public const string Down = "down";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } = [Up, Down];
}
