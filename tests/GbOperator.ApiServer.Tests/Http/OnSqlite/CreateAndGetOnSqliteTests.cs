using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class CreateAndGetOnSqliteTests(SqliteApiServerFixture server) : CreateAndGetTests<SqliteApiServerFixture>(server);
