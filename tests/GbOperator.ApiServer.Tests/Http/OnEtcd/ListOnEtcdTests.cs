using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnEtcd;

public sealed class ListOnEtcdTests(EtcdApiServerFixture server) : ListTests<EtcdApiServerFixture>(server);
