using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;
using BacklogLint.Rules;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Dialects;

/// <summary><c>format.status-list</c> names a file by a path from configuration: it must stay inside the checked folder,
/// and whatever is there (a huge file, a link to a device) is at worst an unreadable list, never a crash.</summary>
public sealed class StatusListTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("../../etc/passwd")]
    [InlineData("backlog/../../outside.yml")]
    [InlineData("''")]
    public void A_path_out_of_the_checked_folder_is_a_configuration_error_at_the_path(string path)
    {
        var error = Should.Throw<ConfigurationException>(() => new ConfigLoader(BuiltInRules.Descriptors).Parse("/repo/.backloglint.yml", $"""
            format:
              status-list:
                path: {path}
            """));

        error.Message.ShouldContain("(3,11)");
        error.Message.ShouldContain("inside the checked folder");
    }

    [Fact]
    public void A_status_list_linked_to_a_device_is_skipped()
    {
        if (OperatingSystem.IsWindows()) return;
        _repository.Write("backlog/tasks/task-1 - A.md", "---\nid: task-1\nstatus: To Do\nassignee: ['@alice']\n---\n");
        Directory.CreateDirectory(Path.Combine(_repository.Path, "backlog"));
        File.CreateSymbolicLink(Path.Combine(_repository.Path, "backlog", "config.yml"), "/dev/zero");
        _repository.Commit("2026-11-01");

        var repository = RepositoryLoader.Load(PlanningLocation.Find(_repository.Path), ConfigLoader.ForDialect("backlog-md"));

        repository.Items.ShouldHaveSingleItem().Status.Class.ShouldBe(StatusClass.Open);
    }

    [Fact]
    public void A_status_list_over_the_size_limit_is_skipped()
    {
        _repository
            .Write("backlog/tasks/task-1 - A.md", "---\nid: task-1\nstatus: Cooking\nassignee: ['@alice']\n---\n")
            .Write("backlog/config.yml", "statuses: [To Do, Cooking, Done]\n# " + new string('x', 5 * 1024 * 1024) + "\n");
        _repository.Commit("2026-11-01");

        var repository = RepositoryLoader.Load(PlanningLocation.Find(_repository.Path), ConfigLoader.ForDialect("backlog-md"));

        repository.Items.ShouldHaveSingleItem().Status.Class.ShouldBe(StatusClass.Unknown);
    }

    [Fact]
    public void A_status_list_over_the_size_limit_in_a_pull_request_is_skipped()
    {
        _repository.Write("backlog/tasks/task-1 - A.md", "---\nid: task-1\nstatus: Cooking\nassignee: ['@alice']\n---\n");
        _repository.Commit("2026-11-01");
        _repository.Write("backlog/config.yml", "statuses: [To Do, Cooking, Done]\n# " + new string('x', 5 * 1024 * 1024) + "\n");
        _repository.Commit("2026-11-02");

        var (_, head) = RepositoryLoader.LoadPair(PlanningLocation.Find(_repository.Path), ConfigLoader.ForDialect("backlog-md"), "HEAD~1", "HEAD");

        head.Items.ShouldHaveSingleItem().Status.Class.ShouldBe(StatusClass.Unknown);
    }
}
