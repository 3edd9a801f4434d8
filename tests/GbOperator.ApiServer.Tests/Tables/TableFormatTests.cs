using GbOperator.ApiServer.Tables;

namespace GbOperator.ApiServer.Tests.Tables;

public sealed class TableFormatTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("application/json", null)]
    [InlineData("*/*", null)]
    [InlineData("application/json;as=Table;v=v1;g=meta.k8s.io,application/json", "v1")]
    [InlineData("application/json;as=Table;v=v1beta1;g=meta.k8s.io", "v1beta1")]
    [InlineData("application/json; as=Table; v=v1; g=meta.k8s.io", "v1")]
    [InlineData("application/json;as=Table;v=v2;g=meta.k8s.io,application/json", null)]
    [InlineData("application/json,application/json;as=Table;v=v1;g=meta.k8s.io", null)]
    [InlineData("application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io", "v1")]
    public void Negotiate_AcceptHeader_PicksFirstServableEntry(string? accept, string? expectedVersion)
    {
        TableFormat.Negotiate(accept, null)?.Version.Should().Be(expectedVersion);
        (TableFormat.Negotiate(accept, null) is null).Should().Be(expectedVersion is null);
    }

    [Theory]
    [InlineData(null, "Metadata")]
    [InlineData("Object", "Object")]
    [InlineData("None", "None")]
    public void Negotiate_IncludeObject_DefaultsToMetadata(string? includeObject, string expected)
    {
        TableFormat.Negotiate("application/json;as=Table;v=v1;g=meta.k8s.io", includeObject)!.IncludeObject.Should().Be(expected);
    }
}
