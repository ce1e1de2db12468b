// The unit tests of the terminal helpers (the rest of the tool is tested through its process).
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("BacklogLint.Cli.Tests")]
