using System.Globalization;
using GbOperator.Resources;

namespace GbOperator.Controllers.Autoscaling;

/// <summary>Decides the instance count of an autoscaled cluster from its metric history and the clock.</summary>
/// <remarks>
/// <para>
/// The decision is a pure function. Instances are added when an up rule (the CPU, memory and request thresholds, and
/// <c>rules.*</c> with action <c>up</c>) fires at every check of the scale-up window, which is only the last check
/// when the window is zero. Instances are removed when, at every check of the scale-down window, every down rule with
/// a value fires, every up metric is at or below its threshold and no metric is missing. A rule fires only outside
/// its tolerance band, so a metric that hovers at a threshold changes nothing.
/// </para>
/// <para>
/// No event happens within the cooldown after the last one, and one decision moves the count by at most
/// <c>maxStep</c>, within <c>minInstances</c> and <c>maxInstances</c>. A count outside those bounds is corrected at
/// once, cooldown or not. Load that flaps faster than the scale-down window can add instances but never removes them,
/// so the count does not oscillate.
/// </para>
/// </remarks>
internal static class ScaleDecider
{
    /// <param name="policy">The cluster's autoscaling settings.</param>
    /// <param name="currentReplicas">The cluster's <c>spec.replicas</c>.</param>
    /// <param name="history">Samples in time order, oldest first, the last one from this check.</param>
    /// <param name="lastScaleTime">When the autoscaler last changed the count, or <c>null</c>.</param>
    /// <param name="now">The current time.</param>
    public static ScaleDecision Decide(
        AutoscalingPolicy policy, int currentReplicas, IReadOnlyList<MetricSample> history, DateTimeOffset? lastScaleTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        var nextScaleTime = lastScaleTime + policy.Cooldown;

        if (currentReplicas < policy.MinInstances)
        {
            return new ScaleDecision(policy.MinInstances, ScaleDirection.Up, "minInstances",
                $"Scaling up from {currentReplicas} to minInstances {policy.MinInstances}.", false, nextScaleTime);
        }

        if (currentReplicas > policy.MaxInstances)
        {
            return new ScaleDecision(policy.MaxInstances, ScaleDirection.Down, "maxInstances",
                $"Scaling down from {currentReplicas} to maxInstances {policy.MaxInstances}.", false, nextScaleTime);
        }

        if (history.Count == 0)
        {
            return Hold(currentReplicas, "No metrics collected yet.", nextScaleTime);
        }

        var latest = history[^1];
        bool coolingDown = nextScaleTime > now;

        var firing = policy.UpRules
            .Where(rule => HeldFor(history, sample => rule.Fires(sample, policy.Tolerance), policy.ScaleUpWindow, now))
            .ToList();
        if (firing.Count > 0)
        {
            string reasons = string.Join(", ", firing.Select(rule => rule.Describe(latest)));
            if (currentReplicas >= policy.MaxInstances)
            {
                return new ScaleDecision(currentReplicas, ScaleDirection.None, firing[0].Field,
                    $"Not scaling up: {reasons}, but the cluster already has maxInstances {policy.MaxInstances}.", true, nextScaleTime);
            }

            if (coolingDown)
            {
                return Hold(currentReplicas, $"Not scaling up yet: {reasons}, but the cooldown lasts until {Format(nextScaleTime!.Value)}.", nextScaleTime);
            }

            int desired = ScaleUpTarget(policy, currentReplicas, firing, latest);
            return new ScaleDecision(desired, ScaleDirection.Up, firing[0].Field,
                $"Scaling up from {currentReplicas} to {desired} instances: {reasons}.", false, nextScaleTime);
        }

        if (!latest.IsComplete)
        {
            return Hold(currentReplicas, $"Not scaling down while metrics are missing: {string.Join("; ", latest.Missing)}.", nextScaleTime);
        }

        if (currentReplicas <= policy.MinInstances || policy.DownRules.Count == 0)
        {
            return Hold(currentReplicas, $"No rule fired: {DescribeAll(policy, latest)}.", nextScaleTime);
        }

        if (!IsLow(policy, latest))
        {
            return Hold(currentReplicas, $"No rule fired: {DescribeAll(policy, latest)}.", nextScaleTime);
        }

        if (!HeldFor(history, sample => IsLow(policy, sample), policy.ScaleDownWindow, now))
        {
            return Hold(currentReplicas,
                $"Not scaling down yet: the low condition must hold for scaleDownWindow {Duration.Format(policy.ScaleDownWindow)}: {DescribeDown(policy, latest)}.", nextScaleTime);
        }

        if (coolingDown)
        {
            return Hold(currentReplicas, $"Not scaling down yet: {DescribeDown(policy, latest)}, but the cooldown lasts until {Format(nextScaleTime!.Value)}.", nextScaleTime);
        }

        int target = ScaleDownTarget(policy, currentReplicas, latest);
        return new ScaleDecision(target, ScaleDirection.Down, policy.DownRules[0].Field,
            $"Scaling down from {currentReplicas} to {target} instances: {DescribeDown(policy, latest)} for {Duration.Format(policy.ScaleDownWindow)}.", false, nextScaleTime);
    }

    /// <summary>
    /// Whether <paramref name="condition"/> held at every check from the last one at or before <c>now - window</c>
    /// until the latest, so a condition never holds for longer than the history covers.
    /// </summary>
    private static bool HeldFor(IReadOnlyList<MetricSample> history, Func<MetricSample, bool> condition, TimeSpan window, DateTimeOffset now)
    {
        DateTimeOffset? heldSince = null;
        for (int i = history.Count - 1; i >= 0 && condition(history[i]); i--)
        {
            heldSince = history[i].Time;
        }

        return heldSince is { } since && since <= now - window;
    }

    /// <summary>Whether a sample is complete, every down rule with a value fires and every up metric is at or below its threshold.</summary>
    private static bool IsLow(AutoscalingPolicy policy, MetricSample sample) =>
        sample.IsComplete
        && policy.UpRules.All(rule => !rule.Fires(sample, tolerance: 0))
        && policy.DownRules.All(rule => rule.Read(sample) is null || rule.Fires(sample, policy.Tolerance))
        && policy.DownRules.Any(rule => rule.Read(sample) is not null);

    /// <summary>Adds instances in proportion to the highest ratio of an averaged metric to its threshold, at least one and at most maxStep.</summary>
    /// <remarks>The request threshold counts requests across the cluster, so it adds one instance per decision.</remarks>
    private static int ScaleUpTarget(AutoscalingPolicy policy, int current, List<ScalingRule> firing, MetricSample latest)
    {
        double ratio = firing.Where(rule => rule.Field != "requestThreshold" && rule.Threshold > 0)
            .Select(rule => rule.Read(latest)!.Value / rule.Threshold)
            .DefaultIfEmpty(1)
            .Max();
        int proportional = (int)Math.Ceiling(current * ratio);
        int desired = Math.Clamp(proportional, current + 1, current + policy.MaxStep);
        return Math.Min(desired, policy.MaxInstances);
    }

    /// <summary>Removes instances so the remaining ones would run at the CPU threshold, at least one and at most maxStep.</summary>
    private static int ScaleDownTarget(AutoscalingPolicy policy, int current, MetricSample latest)
    {
        var cpuRule = policy.UpRules.First(rule => rule.Field == "cpuThreshold");
        int proportional = latest.CpuPercent is { } cpu && cpuRule.Threshold > 0
            ? (int)Math.Ceiling(current * cpu / cpuRule.Threshold)
            : current - 1;
        int desired = Math.Max(proportional, current - policy.MaxStep);
        desired = Math.Min(desired, current - 1);
        return Math.Max(desired, policy.MinInstances);
    }

    private static string DescribeDown(AutoscalingPolicy policy, MetricSample sample) =>
        string.Join(", ", policy.DownRules.Where(rule => rule.Read(sample) is not null).Select(rule => rule.Describe(sample)))
        + " and every scale-up metric at or below its threshold";

    private static string DescribeAll(AutoscalingPolicy policy, MetricSample sample)
    {
        var values = policy.UpRules.Concat(policy.DownRules)
            .Where(rule => rule.Read(sample) is not null)
            .Select(rule => $"{rule.Metric} {rule.Read(sample)!.Value:0.#}{rule.Unit} ({rule.Field} {rule.Threshold:0.#}{rule.Unit})")
            .Distinct();
        return string.Join(", ", values);
    }

    private static ScaleDecision Hold(int current, string message, DateTimeOffset? nextScaleTime) =>
        new(current, ScaleDirection.None, null, message, false, nextScaleTime);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
