using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnEtcd;

public sealed class DeleteOnEtcdTests(EtcdApiServerFixture server) : DeleteTests<EtcdApiServerFixture>(server);
