using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Dialects;

/// <summary>A dialect's globs are relative to the checked folder, also when it is below the repository root.</summary>
public sealed class SubfolderTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Decisions_in_a_checked_subfolder_are_agreements()
    {
        _repository
            .Write("planning/backlog/tasks/task-1 - A.md", "---\nid: task-1\nstatus: To Do\nassignee: ['@alice']\n---\n")
            .Write("planning/backlog/decisions/decision-1 - B.md", "---\nid: decision-1\nstatus: accepted\ndate: 2026-11-01\n---\n");
        _repository.Commit("2026-11-01");

        var repository = RepositoryLoader.Load(PlanningLocation.Find(Path.Combine(_repository.Path, "planning")), ConfigLoader.ForDialect("backlog-md"));

        repository.Items.Select(item => (item.Path, item.Type)).ShouldBe([
            ("planning/backlog/decisions/decision-1 - B.md", ItemType.Agreement),
            ("planning/backlog/tasks/task-1 - A.md", ItemType.Task),
        ]);
    }
}
