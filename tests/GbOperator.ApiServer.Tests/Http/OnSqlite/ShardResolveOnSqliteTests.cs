using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http.OnSqlite;

public sealed class ShardResolveOnSqliteTests(SqliteApiServerFixture server) : ShardResolveTests<SqliteApiServerFixture>(server);
