using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Dialects;

/// <summary>Whole-YAML items (KEP's kep.yaml) are found in the working tree and in a commit alike.</summary>
public sealed class YamlFileItemTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public YamlFileItemTests()
    {
        _repository
            .Write("keps/sig-node/2570-memory-qos/kep.yaml", """
                title: Memory QoS
                kep-number: 2570
                authors: ["@alice"]
                owning-sig: sig-node
                status: implementable
                approvers: ["@carol"]
                """)
            .Write("keps/sig-node/2570-memory-qos/README.md", "# KEP-2570: Memory QoS\n");
        _repository.Commit("2026-11-01");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void A_kep_yaml_is_an_agreement_item_with_positions_in_that_file()
    {
        var location = PlanningLocation.Find(_repository.Path);
        var config = ConfigLoader.ForDialect("kep");

        foreach (var repository in new[] { RepositoryLoader.Load(location, config), RepositoryLoader.LoadCommit(location, config, "HEAD") })
        {
            var item = repository.Items.ShouldHaveSingleItem();
            item.Path.ShouldBe("keps/sig-node/2570-memory-qos/kep.yaml");
            item.Id.Value.ShouldBe("2570");
            item.Type.ShouldBe(ItemType.Agreement);
            item.Status.Class.ShouldBe(StatusClass.Proposed);
            item.Status.Word!.Span.ShouldBe(new SourceSpan(5, 9, 5, 22));
            item.Team!.Value.ShouldBe("sig-node");
            item.Owners.Single().Value.ShouldBe("@alice");
            item.Title!.Value.ShouldBe("Memory QoS");
        }
    }

    [Fact]
    public void A_binary_kep_yaml_is_reported_as_binary_not_as_markdown()
    {
        _repository.WriteBytes("keps/sig-node/2571-x/kep.yaml", [0x74, 0x00, 0x01, 0x02]);
        _repository.Commit("2026-11-02");

        var repository = RepositoryLoader.Load(PlanningLocation.Find(_repository.Path), ConfigLoader.ForDialect("kep"));

        var problem = repository.Files.Single(file => file.Path == "keps/sig-node/2571-x/kep.yaml").Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain("binary");
        problem.Message.ShouldNotContain("Markdown");
    }
}
