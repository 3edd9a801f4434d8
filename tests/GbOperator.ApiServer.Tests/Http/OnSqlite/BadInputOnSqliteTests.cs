using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class BadInputOnSqliteTests(SqliteApiServerFixture server) : BadInputTests<SqliteApiServerFixture>(server);
