using System.Net;
using System.Net.Http.Headers;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>A successful LXD response: its status, raw body and headers.</summary>
internal sealed record LxdResponse(HttpStatusCode StatusCode, byte[] Body, HttpResponseHeaders Headers);
