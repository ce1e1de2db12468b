// The unit tests of the terminal helpers (the rest of the tool is tested through its process).
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("BacklogLint.Cli.Tests")]

// The ahead-of-time compiled build of the tool starts at the same entry (Entry.cs).
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("BacklogLint.Native")]
