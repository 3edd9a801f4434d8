namespace GbOperator.Resources;

/// <summary>The API group and version that every GbOperator kind belongs to.</summary>
public static class ApiGroup
{
    /// <summary>API group name.</summary>
    public const string Name = "generalbots.ai";

    /// <summary>The one served version.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The <c>apiVersion</c> field value of every object.</summary>
    public const string ApiVersion = Name + "/" + Version;
}
