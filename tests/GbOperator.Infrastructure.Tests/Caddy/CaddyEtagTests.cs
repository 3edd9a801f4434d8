using System.Text;
using GbOperator.Infrastructure.Caddy;

namespace GbOperator.Infrastructure.Tests.Caddy;

public sealed class CaddyEtagTests
{
    [Fact]
    public void Compute_RecordedCaddyResponse_MatchesCaddyTrailer()
    {
        // Body and Etag trailer recorded from Caddy 2.6.2 for GET /config/.
        byte[] body = Encoding.UTF8.GetBytes("{\"admin\":{\"config\":{\"persist\":false},\"listen\":\"127.0.0.1:22019\"}}\n");

        string etag = CaddyEtag.Compute("/config/", body);

        etag.Should().Be("\"/config/ 86e9a489\"");
    }
}
