using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnEtcd;

public sealed class ScaleOnEtcdTests(EtcdApiServerFixture server) : ScaleTests<EtcdApiServerFixture>(server);
