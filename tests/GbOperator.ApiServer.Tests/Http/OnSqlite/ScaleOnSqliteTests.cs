using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class ScaleOnSqliteTests(SqliteApiServerFixture server) : ScaleTests<SqliteApiServerFixture>(server);
