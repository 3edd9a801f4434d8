using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class WatchOnSqliteTests(SqliteApiServerFixture server) : WatchTests<SqliteApiServerFixture>(server);
