using Gbctl.Diff;

namespace Gbctl.Tests.Diff;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Create_EqualTexts_ReturnsEmpty()
    {
        var diff = UnifiedDiff.Create("a\nb\n", "a\nb\n", "old", "new");

        diff.Should().BeEmpty();
    }

    [Fact]
    public void Create_OneChangedLine_PrintsHunkWithContext()
    {
        var before = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line{i}")) + "\n";
        var after = before.Replace("line5", "line5 changed", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create(before, after, "live/x", "merged/x");

        diff.Should().Be(
            "--- live/x\n+++ merged/x\n@@ -2,7 +2,7 @@\n line2\n line3\n line4\n-line5\n+line5 changed\n line6\n line7\n line8\n");
    }

    [Fact]
    public void Create_FromEmpty_PrintsOnlyAdditions()
    {
        var diff = UnifiedDiff.Create(string.Empty, "a\nb\n", "live/x", "merged/x");

        diff.Should().Be("--- live/x\n+++ merged/x\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    }

    [Fact]
    public void Create_DistantChanges_PrintsSeparateHunks()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"l{i}")) + "\n";
        var after = before.Replace("l2\n", "x2\n", StringComparison.Ordinal).Replace("l18\n", "x18\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create(before, after, "a", "b");

        diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)).Should().Be(2);
        diff.Should().Contain("@@ -1,5 +1,5 @@");
        diff.Should().Contain("@@ -15,6 +15,6 @@");
    }
}
