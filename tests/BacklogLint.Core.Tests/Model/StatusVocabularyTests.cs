using BacklogLint.Core.Model;

namespace BacklogLint.Core.Tests.Model;

public sealed class StatusVocabularyTests
{
    private readonly StatusVocabulary _vocabulary = StatusVocabulary.CreateDefault();

    [Theory]
    [InlineData("todo", StatusClass.Open)]
    [InlineData("Ready", StatusClass.Open)]
    [InlineData("backlog", StatusClass.Open)]
    [InlineData("proposed", StatusClass.Open)]
    [InlineData("in-progress", StatusClass.Active)]
    [InlineData("In Progress", StatusClass.Active)]
    [InlineData("IN_PROGRESS", StatusClass.Active)]
    [InlineData("doing", StatusClass.Active)]
    [InlineData("review", StatusClass.Active)]
    [InlineData("blocked", StatusClass.Blocked)]
    [InlineData("done", StatusClass.Closed)]
    [InlineData("someday", StatusClass.Unknown)]
    [InlineData("superseded", StatusClass.Unknown)]
    public void Work_words_map_to_their_class(string word, StatusClass expected)
    {
        _vocabulary.Classify(ItemType.Task, word, out _).ShouldBe(expected);
        _vocabulary.Classify(ItemType.Epic, word, out _).ShouldBe(expected);
    }

    [Theory]
    [InlineData("proposed", StatusClass.Proposed)]
    [InlineData("draft", StatusClass.Proposed)]
    [InlineData("active", StatusClass.InForce)]
    [InlineData("Accepted", StatusClass.InForce)]
    [InlineData("agreed", StatusClass.InForce)]
    [InlineData("approved", StatusClass.InForce)]
    [InlineData("superseded", StatusClass.Retired)]
    [InlineData("deprecated", StatusClass.Retired)]
    [InlineData("rejected", StatusClass.Retired)]
    [InlineData("withdrawn", StatusClass.Retired)]
    [InlineData("done", StatusClass.Unknown)]
    public void Agreement_words_map_to_their_class(string word, StatusClass expected)
    {
        _vocabulary.Classify(ItemType.Agreement, word, out var dropped).ShouldBe(expected);
        dropped.ShouldBeFalse();
    }

    [Theory]
    [InlineData("dropped")]
    [InlineData("wontfix")]
    [InlineData("WONT_FIX")]
    [InlineData("won't fix")]
    [InlineData("cancelled")]
    public void Dropped_words_are_closed_and_remembered_as_dropped(string word)
    {
        _vocabulary.Classify(ItemType.Task, word, out var dropped).ShouldBe(StatusClass.Closed);
        dropped.ShouldBeTrue();
    }

    [Fact]
    public void Finished_work_is_closed_but_not_dropped()
    {
        _vocabulary.Classify(ItemType.Task, "done", out var dropped).ShouldBe(StatusClass.Closed);
        dropped.ShouldBeFalse();
    }

    [Fact]
    public void Adding_a_word_again_overrides_its_class_and_dropped_flag()
    {
        _vocabulary.AddWork(StatusClass.Closed, dropped: true, "parked");
        _vocabulary.AddWork(StatusClass.Blocked, "parked");

        _vocabulary.Classify(ItemType.Task, "Parked", out var dropped).ShouldBe(StatusClass.Blocked);
        dropped.ShouldBeFalse();
    }

    [Fact]
    public void KnownWords_lists_the_words_of_the_type_in_order()
    {
        var words = _vocabulary.KnownWords(ItemType.Agreement).ToList();

        words.ShouldContain("superseded");
        words.ShouldNotContain("done");
        words.ShouldBe(words.Order(StringComparer.Ordinal).ToList());
    }
}
