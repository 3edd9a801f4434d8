using GbOperator.Infrastructure.Lxd;

namespace GbOperator.Infrastructure.Tests.Lxd;

public sealed class ProcNetTcpTests
{
    // Rows as Linux prints them: a listener on 8080 (0A), a connection accepted on 8080 (01), the client side of
    // that connection (remote port 8080), a connection on another port, and an IPv4-mapped IPv6 connection on 8080.
    private const string Tables =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
        "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n" +
        "   1: 0100007F:1F90 0100007F:A2C4 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0 20 4 30 10 -1\n" +
        "   2: 0100007F:A2C4 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0 20 4 30 10 -1\n" +
        "   3: 0100007F:1F91 0100007F:A2C5 01 00000000:00000000 00:00000000 00000000     0        0 4 1 0 20 4 30 10 -1\n" +
        "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
        "   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:B000 01 00000000:00000000 00:00000000 00000000     0        0 5 1 0 20 4 30 10 -1\n" +
        "   1: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:B001 06 00000000:00000000 00:00000000 00000000     0        0 0 3 0\n";

    [Theory]
    [InlineData(8080, 2)]
    [InlineData(8081, 1)]
    [InlineData(9090, 0)]
    public void CountEstablished_MixedTables_CountsLocalPortInStateEstablished(int port, int expected)
    {
        int count = ProcNetTcp.CountEstablished(Tables, port);

        count.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage\n")]
    [InlineData("   0: 0100007F:ZZZZ 00000000:0000 01\n")]
    public void CountEstablished_EmptyOrMalformed_ReturnsZero(string tables)
    {
        int count = ProcNetTcp.CountEstablished(tables, 8080);

        count.Should().Be(0);
    }
}
