using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class ServerSideApplyBadInputOnSqliteTests(SqliteApiServerFixture server) : ServerSideApplyBadInputTests<SqliteApiServerFixture>(server);
