using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnEtcd;

public sealed class CreateAndGetOnEtcdTests(EtcdApiServerFixture server) : CreateAndGetTests<EtcdApiServerFixture>(server);
