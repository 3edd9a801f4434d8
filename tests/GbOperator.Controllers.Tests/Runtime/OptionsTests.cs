using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class OptionsTests
{
    public static TheoryData<string, ControllerOptions> InvalidOptions => new()
    {
        { "Workers", new ControllerOptions { Workers = 0 } },
        { "MaxRetries", new ControllerOptions { MaxRetries = -1 } },
        { "BaseDelay", new ControllerOptions { Queue = new WorkQueueOptions { BaseDelay = TimeSpan.Zero } } },
        { "MaxDelay", new ControllerOptions { Queue = new WorkQueueOptions { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(1) } } },
        { "Jitter", new ControllerOptions { Queue = new WorkQueueOptions { Jitter = 1.5 } } },
        { "RequeuesPerSecond", new ControllerOptions { Queue = new WorkQueueOptions { RequeuesPerSecond = 0 } } },
        { "Burst", new ControllerOptions { Queue = new WorkQueueOptions { Burst = 0 } } },
        { "ResyncPeriod", new ControllerOptions { Informer = new InformerOptions { ResyncPeriod = TimeSpan.FromSeconds(-1) } } },
        { "WatchTimeout", new ControllerOptions { Informer = new InformerOptions { WatchTimeout = TimeSpan.Zero } } },
        { "RelistMaxDelay", new ControllerOptions { Informer = new InformerOptions { RelistBaseDelay = TimeSpan.FromSeconds(5), RelistMaxDelay = TimeSpan.FromSeconds(1) } } },
        { "RelistJitter", new ControllerOptions { Informer = new InformerOptions { RelistJitter = -0.1 } } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Create_InvalidOption_ThrowsNamingIt(string option, ControllerOptions options)
    {
        var create = () => ControllerFactory.Create(new ScriptedResourceClient(), new ScriptedReconciler(), options, new CapturingLoggerFactory());

        create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(option);
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        var validate = () => new ControllerOptions().Validate();

        validate.Should().NotThrow();
    }
}
