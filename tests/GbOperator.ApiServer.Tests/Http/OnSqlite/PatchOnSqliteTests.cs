using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class PatchOnSqliteTests(SqliteApiServerFixture server) : PatchTests<SqliteApiServerFixture>(server);
