using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnEtcd;

public sealed class ServerSideApplyOnEtcdTests(EtcdApiServerFixture server) : ServerSideApplyTests<EtcdApiServerFixture>(server);
