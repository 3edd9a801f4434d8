using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class DeleteOnSqliteTests(SqliteApiServerFixture server) : DeleteTests<SqliteApiServerFixture>(server);
