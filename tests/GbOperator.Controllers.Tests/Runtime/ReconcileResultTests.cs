using GbOperator.Controllers.Runtime;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class ReconcileResultTests
{
    [Fact]
    public void Done_Always_NeitherFailureNorRequeue()
    {
        var result = ReconcileResult.Done();

        result.IsFailure.Should().BeFalse();
        result.IsRequeue.Should().BeFalse();
        result.IsTerminal.Should().BeFalse();
    }

    [Fact]
    public void RequeueAfter_Delay_CarriesDelay()
    {
        var result = ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30));

        result.IsRequeue.Should().BeTrue();
        result.RequeueDelay.Should().Be(TimeSpan.FromSeconds(30));
        result.IsFailure.Should().BeFalse();
    }

    [Fact]
    public void RequeueAfter_NegativeDelay_Throws()
    {
        var create = () => ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(-1));

        create.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Failure_Error_CarriesErrorAndTerminal(bool terminal)
    {
        var result = ReconcileResult.Failure("spec.image is missing", terminal);

        result.IsFailure.Should().BeTrue();
        result.Error.Should().Be("spec.image is missing");
        result.IsTerminal.Should().Be(terminal);
        result.IsRequeue.Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Failure_BlankError_Throws(string error)
    {
        var create = () => ReconcileResult.Failure(error);

        create.Should().Throw<ArgumentException>();
    }
}
