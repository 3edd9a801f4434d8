using System.Globalization;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>Reads the Linux <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c> socket tables.</summary>
internal static class ProcNetTcp
{
    /// <summary>State column value of an established connection (TCP_ESTABLISHED).</summary>
    private const string EstablishedState = "01";

    /// <summary>
    /// Counts rows in state ESTABLISHED whose local port is <paramref name="port"/>. Accepts the tables of both
    /// files concatenated; header lines and malformed rows are skipped.
    /// </summary>
    public static int CountEstablished(string tables, int port)
    {
        int count = 0;
        foreach (string line in tables.Split('\n'))
        {
            // Columns: sl, local_address (ADDRESS:PORT in hex), rem_address, st, ...
            string[] columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 4 || !columns[0].EndsWith(':'))
            {
                continue;
            }

            int portSeparator = columns[1].LastIndexOf(':');
            if (portSeparator < 0
                || !int.TryParse(columns[1].AsSpan(portSeparator + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int localPort))
            {
                continue;
            }

            if (localPort == port && columns[3] == EstablishedState)
            {
                count++;
            }
        }

        return count;
    }
}
