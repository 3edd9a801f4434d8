using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnEtcd;

public sealed class UpdateOnEtcdTests(EtcdApiServerFixture server) : UpdateTests<EtcdApiServerFixture>(server);
