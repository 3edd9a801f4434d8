using GbOperator;

return await GbOperatorCommand.Create().Parse(args).InvokeAsync();
