using BacklogLint.Cli;

using var streams = ConsoleStreams.Install();
return await CommandLine.Build().RunAsync(args);
