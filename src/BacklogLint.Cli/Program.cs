using BacklogLint.Cli;

using var warmUp = WarmUp.StartFor(args);
using var streams = ConsoleStreams.Install();
return await CommandLine.Build().RunAsync(args);
