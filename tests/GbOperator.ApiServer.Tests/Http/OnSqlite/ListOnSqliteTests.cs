using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class ListOnSqliteTests(SqliteApiServerFixture server) : ListTests<SqliteApiServerFixture>(server);
