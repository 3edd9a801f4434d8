using GbOperator.Resources.GitRepositories;

namespace GbOperator.Resources.Validation;

/// <summary>Rules of <see cref="GitRepositorySpec"/>.</summary>
internal static class GitRepositoryValidator
{
    private static readonly string[] UrlSchemes = ["https://", "http://", "ssh://", "git://", "file://"];

    public static void Validate(GitRepositorySpec spec, ViolationList violations)
    {
        if (string.IsNullOrWhiteSpace(spec.Url))
        {
            violations.Required("spec.url", "required value: give the repository URL, such as https://example.com/bots.git, or an absolute path such as /srv/git/bots");
        }
        else if (!IsRepositoryLocation(spec.Url))
        {
            violations.Invalid("spec.url", $"invalid URL \"{spec.Url}\": must be an https, http, ssh, git or file URL, or an absolute path such as /srv/git/bots");
        }

        if (!IsBranchName(spec.Branch))
        {
            violations.Invalid("spec.branch", $"invalid branch \"{spec.Branch}\": must be a Git branch name such as main, without spaces, \"..\", or a leading \"-\"");
        }

        if (!IsRelativeFolder(spec.Path))
        {
            violations.Invalid("spec.path", $"invalid path \"{spec.Path}\": must be a folder relative to the repository root, such as clusters/production, without \"..\"");
        }

        violations.PositiveDuration("spec.interval", spec.Interval);
        violations.Range("spec.maxPrunePercent", spec.MaxPrunePercent, 0, 100);
    }

    private static bool IsRepositoryLocation(string url) =>
        !url.Any(char.IsWhiteSpace)
        && (url.StartsWith('/') || UrlSchemes.Any(scheme => url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && url.Length > scheme.Length));

    private static bool IsBranchName(string branch) =>
        branch.Length > 0
        && !branch.StartsWith('-')
        && !branch.StartsWith('/')
        && !branch.EndsWith('/')
        && !branch.EndsWith(".lock", StringComparison.Ordinal)
        && !branch.Contains("..", StringComparison.Ordinal)
        && !branch.Contains("@{", StringComparison.Ordinal)
        && !branch.Any(character => char.IsWhiteSpace(character) || char.IsControl(character) || "~^:?*[\\".Contains(character));

    private static bool IsRelativeFolder(string path) =>
        path.Length > 0
        && !path.StartsWith('/')
        && !path.Contains('\\')
        && path.Split('/').All(segment => segment != "..");
}
