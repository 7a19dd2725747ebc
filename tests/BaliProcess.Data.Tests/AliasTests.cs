using BaliProcess.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

/// <summary>The other spellings the documents use reach the right member.</summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class AliasTests(SeededDatabaseFixture fixture)
{
    [Theory]
    [InlineData("Vietnam", "viet-nam")]
    [InlineData("Viet Nam", "viet-nam")]
    [InlineData("Lao PDR", "lao-peoples-democratic-republic")]
    [InlineData("Laos", "lao-peoples-democratic-republic")]
    [InlineData("Lao People’s Democratic Republic", "lao-peoples-democratic-republic")]
    [InlineData("Rep. of Korea", "republic-of-korea")]
    [InlineData("Republic of Korea", "republic-of-korea")]
    [InlineData("DPR Korea", "democratic-peoples-republic-of-korea")]
    [InlineData("Brunei", "brunei-darussalam")]
    [InlineData("Timor Leste", "timor-leste")]
    [InlineData("Russia", "russian-federation")]
    [InlineData("USA", "united-states-of-america")]
    [InlineData("UAE", "united-arab-emirates")]
    [InlineData("Hong Kong", "hong-kong-sar")]
    [InlineData("Türkiye", "turkiye")]
    [InlineData("International Organization for Migration", "iom")]
    public async Task A_spelling_used_in_the_documents_resolves_to_its_member(string spelling, string slug)
    {
        var matcher = await MatcherAsync();
        Assert.Equal(slug, matcher.Resolve(spelling));
    }

    [Fact]
    public async Task An_unknown_name_resolves_to_nothing()
    {
        var matcher = await MatcherAsync();
        Assert.Null(matcher.Resolve("Atlantis"));
        Assert.Null(matcher.Resolve("Korea"));
    }

    [Fact]
    public async Task The_longest_name_wins_so_the_two_Koreas_are_told_apart()
    {
        var matcher = await MatcherAsync();
        var mentions = matcher.FindMentions("Representatives of the Democratic People's Republic of Korea met officials of the Republic of Korea.");
        Assert.Equal(["democratic-peoples-republic-of-korea", "republic-of-korea"], mentions);
    }

    [Fact]
    public async Task The_2012_workshop_attendance_paragraph_links_to_members_through_their_aliases()
    {
        await using var db = fixture.Database.CreateContext();
        var mentioned = await db.Paragraphs
            .Where(p => p.Statement!.Slug == "technical-experts-workshop-2012-co-chairs-summary" && p.Label == "4")
            .SelectMany(p => p.Mentions.Select(m => m.Slug)).ToListAsync();

        // The paragraph writes "Lao PDR", "Vietnam", "Republic of Korea", "Iran" and "Brunei Darussalam".
        Assert.Contains("lao-peoples-democratic-republic", mentioned);
        Assert.Contains("viet-nam", mentioned);
        Assert.Contains("republic-of-korea", mentioned);
        Assert.Contains("iran", mentioned);
        Assert.Contains("brunei-darussalam", mentioned);
        Assert.Contains("iom", mentioned);
        Assert.DoesNotContain("democratic-peoples-republic-of-korea", mentioned);
    }

    [Fact]
    public async Task The_Adelaide_attendance_paragraphs_link_Laos_Timor_Leste_and_Russia()
    {
        await using var db = fixture.Database.CreateContext();
        var mentions = await db.Paragraphs
            .Where(p => p.Statement!.Slug == "eighth-ministerial-conference-2023-co-chairs-statement" && (p.Label == "18" || p.Label == "19"))
            .SelectMany(p => p.Mentions.Select(m => m.Slug)).ToListAsync();

        Assert.Contains("lao-peoples-democratic-republic", mentions);
        Assert.Contains("timor-leste", mentions);
        Assert.Contains("russian-federation", mentions);
        Assert.Contains("hong-kong-sar", mentions);
        Assert.DoesNotContain("afghanistan", mentions);
    }

    private async Task<ParticipantMatcher> MatcherAsync()
    {
        await using var db = fixture.Database.CreateContext();
        var participants = await db.Participants.AsNoTracking().ToListAsync();
        return new ParticipantMatcher(participants.Select(p => (p.Slug, (IEnumerable<string>)[p.Name, p.FullName ?? string.Empty, .. p.Aliases])));
    }
}
