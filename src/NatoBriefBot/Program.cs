using NatoBriefBot.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
