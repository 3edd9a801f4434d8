using GbOperator.Benchmarks;

return await BenchmarkProgram.RunAsync(args);
