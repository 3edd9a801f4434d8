using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnEtcd;

public sealed class BadInputOnEtcdTests(EtcdApiServerFixture server) : BadInputTests<EtcdApiServerFixture>(server);
