namespace GbOperator.Controllers.Runtime;

/// <summary>Names of reconcile outcomes in metrics.</summary>
public static class ReconcileOutcome
{
    /// <summary>The pass converged or asked to run again later.</summary>
    public const string Success = "success";

    /// <summary>The pass threw or returned a failure that will be retried.</summary>
    public const string Error = "error";

    /// <summary>The pass returned a terminal failure, which is not retried.</summary>
    public const string TerminalError = "terminal_error";
}
