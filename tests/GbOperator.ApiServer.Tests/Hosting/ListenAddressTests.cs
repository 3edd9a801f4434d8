using System.Net;
using GbOperator.ApiServer.Hosting;

namespace GbOperator.ApiServer.Tests.Hosting;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:6443", "127.0.0.1", 6443)]
    [InlineData("0.0.0.0:0", "0.0.0.0", 0)]
    [InlineData("[::1]:8080", "::1", 8080)]
    public void Parse_Valid_ReturnsEndpoint(string value, string address, int port)
    {
        var endpoint = ListenAddress.Parse(value);

        endpoint.Address.Should().Be(IPAddress.Parse(address));
        endpoint.Port.Should().Be(port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:6443")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("::1")]
    [InlineData("127.0.0.1:port")]
    public void Parse_Invalid_ThrowsFormatExceptionNamingValue(string value)
    {
        var parse = () => ListenAddress.Parse(value);

        parse.Should().Throw<FormatException>().WithMessage($"*'{value}'*ADDRESS:PORT*");
    }
}
