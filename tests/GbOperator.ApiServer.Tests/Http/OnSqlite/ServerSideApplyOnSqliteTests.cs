using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class ServerSideApplyOnSqliteTests(SqliteApiServerFixture server) : ServerSideApplyTests<SqliteApiServerFixture>(server);
