using GbOperator.Resources.GitRepositories;
using k8s.Models;

namespace GbOperator.Resources.Tests.Validation;

public class GitRepositoryValidationTests
{
    private static GitRepository Repository(Func<GitRepositorySpec, GitRepositorySpec> change) => new()
    {
        Metadata = new V1ObjectMeta { Name = "bots", NamespaceProperty = "default" },
        Spec = change(new GitRepositorySpec { Url = "https://example.com/bots.git" }),
    };

    public static TheoryData<string, GitRepository, string, string> Invalid() => new()
    {
        { "url missing", Repository(s => s with { Url = "" }), "spec.url", "required value" },
        { "url relative path", Repository(s => s with { Url = "repos/bots" }), "spec.url", "absolute path" },
        { "url option-like", Repository(s => s with { Url = "--upload-pack=touch" }), "spec.url", "must be an https" },
        { "url scheme unknown", Repository(s => s with { Url = "ftp://example.com/bots.git" }), "spec.url", "must be an https" },
        { "url with space", Repository(s => s with { Url = "/srv/git/my bots" }), "spec.url", "must be an https" },
        { "branch empty", Repository(s => s with { Branch = "" }), "spec.branch", "Git branch name" },
        { "branch leading dash", Repository(s => s with { Branch = "-main" }), "spec.branch", "leading \"-\"" },
        { "branch double dot", Repository(s => s with { Branch = "a..b" }), "spec.branch", "Git branch name" },
        { "branch space", Repository(s => s with { Branch = "my branch" }), "spec.branch", "Git branch name" },
        { "path absolute", Repository(s => s with { Path = "/etc" }), "spec.path", "relative to the repository root" },
        { "path parent", Repository(s => s with { Path = "clusters/../../etc" }), "spec.path", "without \"..\"" },
        { "interval zero", Repository(s => s with { Interval = "0s" }), "spec.interval", "must be a positive duration" },
        { "interval text", Repository(s => s with { Interval = "often" }), "spec.interval", "invalid duration \"often\"" },
        { "prune share above 100", Repository(s => s with { MaxPrunePercent = 150 }), "spec.maxPrunePercent", "must be between 0 and 100, not 150" },
        { "prune share negative", Repository(s => s with { MaxPrunePercent = -1 }), "spec.maxPrunePercent", "must be between 0 and 100, not -1" },
    };

    public static TheoryData<string, GitRepository> Valid() => new()
    {
        { "https", Repository(s => s) },
        { "local path", Repository(s => s with { Url = "/srv/git/bots" }) },
        { "file url", Repository(s => s with { Url = "file:///srv/git/bots" }) },
        { "ssh url", Repository(s => s with { Url = "ssh://git@example.com/bots.git" }) },
        { "nested branch and path", Repository(s => s with { Branch = "release/1.2", Path = "clusters/production" }) },
        { "every setting", Repository(s => s with { Interval = "30s", Prune = true, MaxPrunePercent = 100, ForcePrune = true, Suspend = true }) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidRepository_ReportsFieldAndRule(string @case, GitRepository repository, string field, string message)
    {
        var violations = ResourceValidator.Validate(repository);

        violations.Should().ContainSingle(@case);
        violations[0].Field.Should().Be(field);
        violations[0].Message.Should().Contain(message);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Validate_ValidRepository_ReportsNothing(string @case, GitRepository repository)
    {
        ResourceValidator.Validate(repository).Should().BeEmpty(@case);
    }
}
