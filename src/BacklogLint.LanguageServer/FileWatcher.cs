using Microsoft.Extensions.Logging;

namespace BacklogLint.LanguageServer;

/// <summary>The server's own watch of the folder, for clients that register no file watchers for it: every created,
/// changed, renamed or deleted file is reported by full path (the server decides what matters).</summary>
internal sealed partial class FileWatcher : IDisposable
{
    private readonly System.IO.FileSystemWatcher _watcher;

    private FileWatcher(System.IO.FileSystemWatcher watcher) => _watcher = watcher;

    public static FileWatcher? Start(string root, Action<string> changed, ILogger logger)
    {
        try
        {
            var watcher = new System.IO.FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => changed(e.FullPath);
            watcher.Created += (_, e) => changed(e.FullPath);
            watcher.Deleted += (_, e) => changed(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                changed(e.OldFullPath);
                changed(e.FullPath);
            };
            watcher.Error += (_, e) => LogWatchError(logger, e.GetException().Message);
            watcher.EnableRaisingEvents = true;
            return new FileWatcher(watcher);
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            LogWatchError(logger, e.Message);
            return null;
        }
    }

    public void Dispose() => _watcher.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "watching the folder failed ({Reason}); changes made outside the editor show after a reload")]
    private static partial void LogWatchError(ILogger logger, string reason);
}
