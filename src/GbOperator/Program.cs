using GbOperator;

return await GbOperatorCommand.RunAsync(args, Console.Error, CancellationToken.None);
