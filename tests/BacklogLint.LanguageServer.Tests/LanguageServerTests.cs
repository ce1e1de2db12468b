using System.Text.Json.Nodes;
using BacklogLint.Testing;

namespace BacklogLint.LanguageServer.Tests;

/// <summary>The real <c>backloglint lsp</c> process driven over stdio by a protocol client: diagnostics for the whole
/// repository, unsaved buffers analysed as typed, findings that cross files updated in every file, hover, pull
/// diagnostics, reloads, UTF-16 positions and the shutdown handshake.</summary>
public sealed class LanguageServerTests : IAsyncDisposable
{
    private const string Owned = """
        ---
        id: PAY-1
        title: Checkout
        status: in-progress
        owner: "@alice"
        ---
        # Checkout
        """;

    private const string Unowned = EditorItems.Unowned;

    private readonly TestRepository _repository = TestRepository.Create();
    private LspClient? _client;

    public LanguageServerTests()
    {
        _repository.Write(".backloglint.yml", "items: [\"backlog/**/*.md\"]\n")
            .Write("backlog/PAY-1.md", Owned)
            .Write("backlog/PAY-2.md", Unowned);
        _repository.Commit("2026-11-20");
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null) await _client.DisposeAsync();
        _repository.Dispose();
    }

    private string Uri(string relative) => LspClient.UriOf(_repository.FullPath(relative));

    private async Task<LspClient> StartAsync(JsonObject? capabilities = null)
    {
        _client = LspClient.Start(_repository.Path);
        await _client.InitializeAsync(_repository.Path, capabilities);
        return _client;
    }

    private static IEnumerable<string> Codes(JsonArray diagnostics) => diagnostics.Select(d => d!["code"]!.GetValue<string>());

    [Fact]
    public async Task Files_nobody_opened_get_their_diagnostics_with_code_link_and_range()
    {
        var client = await StartAsync();

        var diagnostics = await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"));

        var missingOwner = diagnostics.Single(d => d!["code"]!.GetValue<string>() == "BL0001")!;
        missingOwner["codeDescription"]!["href"]!.GetValue<string>().ShouldBe("https://github.com/backloglint/backloglint/blob/main/rules/BL0001.md");
        missingOwner["source"]!.GetValue<string>().ShouldBe("backloglint");
        missingOwner["severity"]!.GetValue<int>().ShouldBe(2);
        missingOwner["range"]!["start"]!["line"]!.GetValue<int>().ShouldBe(1, "0-based: the front matter's first line");
        (await client.ShutdownAsync()).ShouldBe(0);
        client.Garbage.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unsaved_edit_is_analysed_as_typed_and_a_fixed_file_gets_an_empty_list()
    {
        var client = await StartAsync();
        await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"), d => Codes(d).Contains("BL0001"));

        client.Notify("textDocument/didOpen", Open("backlog/PAY-2.md", Unowned));
        client.Notify("textDocument/didChange", Change("backlog/PAY-2.md", 2, Unowned.Replace("status: in-progress", "status: in-progress\nowner: \"@bob\"", StringComparison.Ordinal)));

        var after = await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"), d => !Codes(d).Contains("BL0001"));
        after.Count.ShouldBe(0);
        File.ReadAllText(_repository.FullPath("backlog/PAY-2.md")).ShouldNotContain("@bob", customMessage: "the buffer is analysed, the file is not written");
    }

    [Fact]
    public async Task A_finding_across_files_updates_in_every_file_it_touches()
    {
        var client = await StartAsync();
        await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"));

        // PAY-2 takes PAY-1's id: both files hold a duplicate.
        var duplicate = Unowned.Replace("id: PAY-2", "id: PAY-1", StringComparison.Ordinal);
        client.Notify("textDocument/didOpen", Open("backlog/PAY-2.md", Unowned));
        client.Notify("textDocument/didChange", Change("backlog/PAY-2.md", 2, duplicate));
        var first = await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-1.md"), d => d.Count > 0);
        var rule = Codes(first).ShouldHaveSingleItem();

        // …and back: the file nobody opened is cleared.
        client.Notify("textDocument/didChange", Change("backlog/PAY-2.md", 3, Unowned));
        (await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-1.md"), d => !Codes(d).Contains(rule))).Count.ShouldBe(0);
    }

    [Fact]
    public async Task Columns_are_utf16_code_units_past_a_character_outside_the_basic_plane()
    {
        // 😀 is two UTF-16 code units: the status word after it starts at character 11, not 10 (code points).
        var text = "---\nid: PAY-3\ntitle: \"😀\"\nstatus: 😀 doing\nowner: \"@alice\"\n---\n# Emoji\n";
        _repository.Write("backlog/PAY-3.md", text);
        var client = await StartAsync();

        var diagnostics = await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-3.md"), d => Codes(d).Contains("BL0502"));

        var start = diagnostics.First(d => d!["code"]!.GetValue<string>() == "BL0502")!["range"]!["start"]!;
        start["line"]!.GetValue<int>().ShouldBe(3);
        start["character"]!.GetValue<int>().ShouldBe("status: ".Length);
        var end = diagnostics.First(d => d!["code"]!.GetValue<string>() == "BL0502")!["range"]!["end"]!;
        end["character"]!.GetValue<int>().ShouldBe("status: 😀 doing".Length, "the end counts the emoji as 2");
    }

    [Fact]
    public async Task Hover_on_a_finding_shows_its_message_and_its_rules_page()
    {
        var client = await StartAsync();
        var diagnostics = await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"));
        var at = diagnostics.First(d => d!["code"]!.GetValue<string>() == "BL0001")!["range"]!["start"]!;

        var hover = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("backlog/PAY-2.md") },
            ["position"] = at.DeepClone(),
        });

        var markdown = hover["contents"]!["value"]!.GetValue<string>();
        hover["contents"]!["kind"]!.GetValue<string>().ShouldBe("markdown");
        markdown.ShouldContain("**BL0001** (warning)");
        markdown.ShouldContain("# BL0001: Unfinished work has no owner");
    }

    [Fact]
    public async Task A_client_that_pulls_gets_full_then_unchanged_reports_and_the_workspace()
    {
        var client = await StartAsync(new JsonObject
        {
            ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false } },
        });

        JsonObject Document(string? previous = null) => new()
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("backlog/PAY-2.md") },
            ["previousResultId"] = previous,
        };
        var full = await client.RequestAsync("textDocument/diagnostic", Document());
        full["kind"]!.GetValue<string>().ShouldBe("full");
        Codes(full["items"]!.AsArray()).ShouldContain("BL0001");

        var unchanged = await client.RequestAsync("textDocument/diagnostic", Document(full["resultId"]!.GetValue<string>()));
        unchanged["kind"]!.GetValue<string>().ShouldBe("unchanged");
        unchanged["resultId"]!.GetValue<string>().ShouldBe(full["resultId"]!.GetValue<string>());

        var workspace = await client.RequestAsync("workspace/diagnostic", new JsonObject { ["previousResultIds"] = new JsonArray() });
        workspace["items"]!.AsArray().Select(item => item!["uri"]!.GetValue<string>()).ShouldContain(Uri("backlog/PAY-2.md"));
    }

    [Fact]
    public async Task A_client_that_pulls_and_can_refresh_is_asked_to_pull_again_with_a_request()
    {
        var client = await StartAsync(new JsonObject
        {
            ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false } },
            ["workspace"] = new JsonObject { ["diagnostics"] = new JsonObject { ["refreshSupport"] = true } },
        });

        // The first analysis is done: the client is told to pull. A request (with an id), as the protocol has it:
        // VS Code's client ignores a notification of that name.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonObject refresh;
        do refresh = await client.Messages.ReadAsync(timeout.Token);
        while (refresh["method"]?.GetValue<string>() != "workspace/diagnostic/refresh");

        refresh["id"].ShouldNotBeNull(refresh.ToJsonString());
        refresh["params"].ShouldBeNull(refresh.ToJsonString());
        (await client.ShutdownAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_changed_configuration_reloads_everything()
    {
        var client = await StartAsync(new JsonObject
        {
            ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
        });
        await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"), d => Codes(d).Contains("BL0001"));

        _repository.Write(".backloglint.yml", "items: [\"backlog/**/*.md\"]\nrules:\n  BL0001: { severity: none }\n");
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri(".backloglint.yml"), ["type"] = 2 }),
        });

        (await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"), d => !Codes(d).Contains("BL0001"))).Count.ShouldBe(0);
    }

    [Fact]
    public async Task Without_client_watchers_the_server_sees_changes_on_disk_itself()
    {
        var client = await StartAsync();
        await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"), d => Codes(d).Contains("BL0001"));

        _repository.Write("backlog/PAY-2.md", Owned.Replace("PAY-1", "PAY-2", StringComparison.Ordinal));

        (await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"), d => d.Count == 0)).Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_configuration_that_cannot_be_used_is_an_error_on_it_at_its_place()
    {
        _repository.Write(".backloglint.yml", "items: [\"backlog/**/*.md\"]\nrules:\n  BL0001: { severity: loud }\n");
        var client = await StartAsync();

        var diagnostics = await client.WaitForDiagnosticsAsync(Uri(".backloglint.yml"));

        var problem = diagnostics.ShouldHaveSingleItem()!;
        problem["severity"]!.GetValue<int>().ShouldBe(1);
        problem["range"]!["start"]!["line"]!.GetValue<int>().ShouldBe(2);
        problem["message"]!.GetValue<string>().ShouldContain("loud");
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        var client = await StartAsync();
        await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"));

        client.Notify("exit", null);

        (await client.WaitForExitAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_quick_fix_is_a_workspace_edit_that_clears_the_finding_and_suppressing_is_offered_with_a_reason()
    {
        var typo = Owned.Replace("status: in-progress", "status: in-progres", StringComparison.Ordinal);
        _repository.Write("backlog/PAY-1.md", typo);
        var client = await StartAsync();
        var diagnostics = await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-1.md"), d => Codes(d).Contains("BL0502"));
        var finding = diagnostics.First(d => d!["code"]!.GetValue<string>() == "BL0502")!;
        client.Notify("textDocument/didOpen", Open("backlog/PAY-1.md", typo));

        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("backlog/PAY-1.md") },
            ["range"] = finding["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(finding.DeepClone()) },
        }))["value"]!.AsArray();

        var titles = actions.Select(a => a!["title"]!.GetValue<string>()).ToList();
        titles.ShouldContain(title => title.Contains("Suppress", StringComparison.OrdinalIgnoreCase));
        var fix = actions.First(a => a!["isPreferred"]?.GetValue<bool>() == true)!;
        fix["kind"]!.GetValue<string>().ShouldBe("quickfix");
        var edits = fix["edit"]!["changes"]![Uri("backlog/PAY-1.md")]!.AsArray();
        var fixedText = edits.Reverse().Aggregate(typo, (text, edit) => ApplyEdit(text, edit!));
        fixedText.ShouldContain("status: in-progress\n");

        client.Notify("textDocument/didChange", Change("backlog/PAY-1.md", 2, fixedText));
        (await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-1.md"), d => !Codes(d).Contains("BL0502"))).Count.ShouldBe(0);
    }

    [Fact]
    public async Task The_rules_that_read_no_history_are_published_first_and_the_others_once_history_is_read()
    {
        _repository.Write("backlog/AGR-1.md", """
            ---
            id: AGR-1
            title: Payments API stays stable
            type: agreement
            status: accepted
            parties: [payments, growth]
            review-by: 2026-01-01
            ---
            # Payments API
            """);
        _repository.Commit("2026-11-21");
        var client = await StartAsync(new JsonObject { ["window"] = new JsonObject { ["workDoneProgress"] = true } });

        // In order: the first findings, then history read under a progress, then the stale agreement (BL0101 reads
        // history: when the agreement was last revisited).
        var seen = new List<string>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!seen.Contains("BL0101"))
        {
            var message = await client.Messages.ReadAsync(cancel.Token);
            var parameters = message["params"];
            switch (message["method"]?.GetValue<string>())
            {
                case "$/progress":
                    seen.Add("progress " + parameters!["value"]!["kind"]!.GetValue<string>());
                    break;
                case "textDocument/publishDiagnostics":
                    seen.AddRange(Codes(parameters!["diagnostics"]!.AsArray()).Distinct().Where(code => code is "BL0001" or "BL0101"));
                    break;
            }
        }

        seen.IndexOf("BL0001").ShouldBeLessThan(seen.IndexOf("progress begin"), string.Join(", ", seen));
        seen.IndexOf("progress begin").ShouldBeLessThan(seen.IndexOf("BL0101"), string.Join(", ", seen));
        (await client.ShutdownAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_workspace_opened_through_a_symbolic_link_reads_its_history_and_answers_at_the_clients_uris()
    {
        _repository.Write("backlog/AGR-1.md", """
            ---
            id: AGR-1
            title: Payments API stays stable
            type: agreement
            status: accepted
            parties: [payments, growth]
            review-by: 2026-01-01
            ---
            # Payments API
            """);
        _repository.Commit("2026-11-21");
        var links = Directory.CreateTempSubdirectory("backloglint-lsp-links-");
        try
        {
            var root = Path.Combine(links.FullName, "planning");
            Directory.CreateSymbolicLink(root, _repository.Path);
            _client = LspClient.Start(root);
            await _client.InitializeAsync(root, null);
            var linked = LspClient.UriOf(Path.Combine(root, "backlog", "PAY-2.md"));

            // git reports the resolved work tree: the stale agreement is found only when the root is resolved too
            // (first the findings of rules that read no history, then the others).
            await _client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"), d => Codes(d).Contains("BL0001"));
            await _client.WaitForDiagnosticsAsync(Uri("backlog/AGR-1.md"), d => Codes(d).Contains("BL0101"));
            // An edit through the link's URI is the resolved file's buffer, and its findings go back to that URI.
            _client.Notify("textDocument/didOpen", Open("backlog/PAY-2.md", Unowned, linked));
            _client.Notify("textDocument/didChange", Change("backlog/PAY-2.md", 2, Unowned.Replace("status: in-progress", "status: in-progress\nowner: \"@bob\"", StringComparison.Ordinal), linked));
            (await _client.WaitForDiagnosticsAsync(linked, d => !Codes(d).Contains("BL0001"))).Count.ShouldBe(0);
            (await _client.ShutdownAsync()).ShouldBe(0);
        }
        finally
        {
            links.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_link_typed_to_a_file_that_moved_says_where_it_went_once_history_is_asked_in_the_background()
    {
        const string Notes = "# Notes\n\nWhat we learnt from the checkout rewrite, at length.\n";
        _repository.Write("backlog/notes.md", Notes);
        _repository.Commit("2026-11-21");
        File.Delete(_repository.FullPath("backlog/notes.md"));
        _repository.Write("backlog/notes-2026.md", Notes);
        _repository.Commit("2026-11-22", message: "Rename the notes");
        var client = await StartAsync();
        await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"), d => Codes(d).Contains("BL0001"));

        client.Notify("textDocument/didOpen", Open("backlog/PAY-1.md", Owned));
        client.Notify("textDocument/didChange", Change("backlog/PAY-1.md", 2, Owned + "\nSee [the notes](notes.md).\n"));

        // First without (the walk for the new target runs beside the worker), then with where it went.
        var diagnostics = await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-1.md"),
            d => d.Any(x => x!["message"]!.GetValue<string>().Contains("renamed to", StringComparison.Ordinal)));
        diagnostics.Single(d => d!["code"]!.GetValue<string>() == "BL0401")!["message"]!.GetValue<string>()
            .ShouldContain("it was renamed to 'backlog/notes-2026.md'");
    }

    [Fact]
    public async Task The_capabilities_a_real_editor_sends_are_accepted()
    {
        // As Neovim 0.7 sends them (trimmed): workspaceEdit is an object, as the specification has it.
        var neovim = JsonNode.Parse("""
            {
              "textDocument": {
                "codeAction": {
                  "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["", "quickfix", "refactor", "source"] } },
                  "dataSupport": true, "dynamicRegistration": false, "resolveSupport": { "properties": ["edit"] }
                },
                "hover": { "contentFormat": ["markdown", "plaintext"], "dynamicRegistration": false },
                "publishDiagnostics": { "relatedInformation": true, "tagSupport": { "valueSet": [1, 2] } },
                "synchronization": { "didSave": true, "dynamicRegistration": false, "willSave": false, "willSaveWaitUntil": false }
              },
              "window": { "showDocument": { "support": false }, "workDoneProgress": true },
              "workspace": {
                "applyEdit": true,
                "workspaceEdit": { "resourceOperations": ["rename", "create", "delete"] },
                "workspaceFolders": true,
                "symbol": { "dynamicRegistration": false, "hierarchicalWorkspaceSymbolSupport": true }
              }
            }
            """)!.AsObject();
        _client = LspClient.Start(_repository.Path);

        var result = await _client.InitializeAsync(_repository.Path, neovim);

        result["capabilities"]!["positionEncoding"]!.GetValue<string>().ShouldBe("utf-16");
        Codes(await _client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"))).ShouldContain("BL0001");
        (await _client.ShutdownAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_request_that_fails_gets_an_error_reply_and_the_connection_stays()
    {
        var client = await StartAsync();
        var diagnostics = await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-2.md"));

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("backlog/PAY-2.md") },
            ["position"] = "nowhere",
        }));

        failure.Message.ShouldContain("hover failed");
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("backlog/PAY-2.md") },
            ["position"] = diagnostics.First(d => d!["code"]!.GetValue<string>() == "BL0001")!["range"]!["start"]!.DeepClone(),
        });
        hover["contents"]!["value"]!.GetValue<string>().ShouldContain("BL0001");
        (await client.ShutdownAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Code_actions_are_offered_when_the_request_carries_other_tools_diagnostics()
    {
        // Neovim sends every diagnostic on the line, whatever tool made it: codes may be numbers, data anything.
        var typo = Owned.Replace("status: in-progress", "status: in-progres", StringComparison.Ordinal);
        _repository.Write("backlog/PAY-1.md", typo);
        var client = await StartAsync();
        var diagnostics = await client.WaitForDiagnosticsAsync(Uri("backlog/PAY-1.md"), d => Codes(d).Contains("BL0502"));
        var finding = diagnostics.First(d => d!["code"]!.GetValue<string>() == "BL0502")!;
        var other = new JsonObject
        {
            ["range"] = finding["range"]!.DeepClone(),
            ["severity"] = 2,
            ["code"] = 2034,
            ["source"] = "another-linter",
            ["message"] = "from another tool",
            ["data"] = "opaque",
        };

        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("backlog/PAY-1.md") },
            ["range"] = finding["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(other, finding.DeepClone()) },
        }))["value"]!.AsArray();

        actions.Select(a => a!["title"]!.GetValue<string>()).ShouldContain("Write the status as 'in-progress'");
    }

    /// <summary>One protocol edit applied to a text (0-based lines, UTF-16 characters).</summary>
    private static string ApplyEdit(string text, JsonNode edit)
    {
        int Offset(JsonNode position)
        {
            var offset = 0;
            for (var line = 0; line < position["line"]!.GetValue<int>(); line++) offset = text.IndexOf('\n', offset) + 1;
            return offset + position["character"]!.GetValue<int>();
        }

        var start = Offset(edit["range"]!["start"]!);
        var end = Offset(edit["range"]!["end"]!);
        return text[..start] + edit["newText"]!.GetValue<string>() + text[end..];
    }

    /// <param name="uri">The document's URI when not <see cref="Uri"/> of <paramref name="relative"/>.</param>
    private JsonObject Open(string relative, string text, string? uri = null) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri ?? Uri(relative), ["languageId"] = "markdown", ["version"] = 1, ["text"] = text },
    };

    private JsonObject Change(string relative, int version, string text, string? uri = null) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri ?? Uri(relative), ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    };
}
