using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnEtcd;

public sealed class PatchOnEtcdTests(EtcdApiServerFixture server) : PatchTests<EtcdApiServerFixture>(server);
