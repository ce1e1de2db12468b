using BacklogLint.Cli;

return await CommandLine.Build().RunAsync(args);
