using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnEtcd;

public sealed class WatchOnEtcdTests(EtcdApiServerFixture server) : WatchTests<EtcdApiServerFixture>(server);
