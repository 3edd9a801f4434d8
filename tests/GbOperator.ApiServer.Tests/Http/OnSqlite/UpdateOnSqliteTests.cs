using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class UpdateOnSqliteTests(SqliteApiServerFixture server) : UpdateTests<SqliteApiServerFixture>(server);
