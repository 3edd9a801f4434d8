namespace GbOperator.Infrastructure.Lxd;

/// <summary>Status codes that LXD 5.0 uses for operations and instances.</summary>
public static class LxdStatusCodes
{
    /// <summary>Operation created.</summary>
    public const int OperationCreated = 100;

    /// <summary>Instance started.</summary>
    public const int Started = 101;

    /// <summary>Instance stopped.</summary>
    public const int Stopped = 102;

    /// <summary>Operation or instance running.</summary>
    public const int Running = 103;

    /// <summary>Operation succeeded.</summary>
    public const int Success = 200;

    /// <summary>Operation failed; its <c>err</c> field contains the reason.</summary>
    public const int Failure = 400;

    /// <summary>Operation cancelled.</summary>
    public const int Cancelled = 401;
}
