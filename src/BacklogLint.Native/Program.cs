return await BacklogLint.Cli.Entry.RunAsync(args);
