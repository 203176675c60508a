using Regie.Domain.Audit;

namespace Regie.Domain.Tests;

public sealed class AuditChainTests
{
    private static List<ChainedEntry> Chain(int n)
    {
        var list = new List<ChainedEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var c = new AuditContent(new DateTime(2026, 11, 22, 10, 0, i, DateTimeKind.Utc), "9999", "u" + i, "Gebruiker " + i, "professional", null,
                "read", "household", Guid.NewGuid(), null, null, null);
            var hash = AuditChain.ComputeHash(previous, c);
            list.Add(new ChainedEntry(i, c, previous, hash));
            previous = hash;
        }
        return list;
    }

    [Fact]
    public void Intact_chain_verifies()
    {
        Assert.Null(AuditChain.Verify(Chain(10), out var count));
        Assert.Equal(10, count);
    }

    [Fact]
    public void Changed_entry_is_named()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Content = chain[2].Content with { ActorName = "Iemand anders" } };
        Assert.Equal(new ChainBreak(3, ChainBreakKind.Changed), AuditChain.Verify(chain, out _));
    }

    [Fact]
    public void Removed_entry_breaks_the_next_link()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);
        Assert.Equal(new ChainBreak(4, ChainBreakKind.LinkMissing), AuditChain.Verify(chain, out _));
    }

    [Fact]
    public void Fields_cannot_be_shifted_into_each_other()
    {
        var t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var a = new AuditContent(t, null, "ab", "c", null, null, "read", "x", null, null, null, null);
        var b = new AuditContent(t, null, "a", "bc", null, null, "read", "x", null, null, null, null);
        Assert.NotEqual(AuditChain.ComputeHash(AuditChain.Genesis, a), AuditChain.ComputeHash(AuditChain.Genesis, b));
    }

    [Fact]
    public void Time_is_hashed_to_the_millisecond_both_databases_keep() =>
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc), AuditChain.Normalise(new DateTime(2026, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567)));

    [Fact]
    public void Empty_trail_is_intact() => Assert.True(AuditChain.Check([]).Intact);

    [Fact]
    public void Entry_inserted_before_the_first_breaks_the_link_of_the_first()
    {
        var chain = Chain(3);
        var forged = new AuditContent(new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc), "9999", "x", "Vervalser", null, null, "read", "household", null, null, null, null);
        chain.Insert(0, new ChainedEntry(0, forged, AuditChain.Genesis, AuditChain.ComputeHash(AuditChain.Genesis, forged)));
        Assert.Equal(new ChainBreak(1, ChainBreakKind.LinkMissing), AuditChain.Check(chain).Break);
    }

    [Fact]
    public void Every_field_is_covered_by_the_hash()
    {
        var c = Chain(1)[0].Content;
        var variants = new[]
        {
            c with { OccurredAt = c.OccurredAt.AddMilliseconds(1) }, c with { Gemeentecode = "0363" }, c with { ActorId = "u9" },
            c with { ActorName = "X" }, c with { Role = "privacy" }, c with { Organisation = "" }, c with { Action = "update" },
            c with { Resource = "person" }, c with { HouseholdId = null }, c with { PersonId = Guid.Empty }, c with { Purpose = "" }, c with { Detail = "-" },
            c with { SubjectBsn = "111222333" },
        };
        var original = AuditChain.ComputeHash(AuditChain.Genesis, c);
        Assert.All(variants, v => Assert.NotEqual(original, AuditChain.ComputeHash(AuditChain.Genesis, v)));
        Assert.NotEqual(original, AuditChain.ComputeHash(new string('1', 64), c));
    }

    /// <summary>The subject's BSN came later: a trail written before it must still verify.</summary>
    [Fact]
    public void Entries_written_before_the_subject_bsn_existed_keep_their_hash()
    {
        var lookup = new AuditContent(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), "0363", "wonen", "Wonen", "afdeling", "Wonen", "lookup", "betrokkenheid",
            null, null, "aanvraag urgentieverklaring", "betrokkenheid opgevraagd: 1 betrokken");
        // Computed by the hash as it was before the field was added.
        Assert.Equal("58b01fbb5bb94c32dd55d066dfd1ce6f42c56e5c00784da2cdc6d1650b049081", AuditChain.ComputeHash(AuditChain.Genesis, lookup));
        Assert.NotEqual(AuditChain.ComputeHash(AuditChain.Genesis, lookup), AuditChain.ComputeHash(AuditChain.Genesis, lookup with { SubjectBsn = "111222333" }));
        // The subject cannot be smuggled in through the detail text.
        Assert.NotEqual(AuditChain.ComputeHash(AuditChain.Genesis, lookup with { SubjectBsn = "111222333" }),
            AuditChain.ComputeHash(AuditChain.Genesis, lookup with { Detail = lookup.Detail + "|bsn 9:111222333" }));
    }

    [Fact]
    public void Rewritten_chain_with_fresh_hashes_passes_alone_but_not_against_an_anchor()
    {
        var chain = Chain(5);
        var anchor = new ChainAnchor(chain[3].Id, chain[3].Hash);
        // An insider changes entry 2 and recomputes every hash after it.
        var previous = chain[0].Hash;
        for (var i = 1; i < chain.Count; i++)
        {
            var content = i == 1 ? chain[i].Content with { ActorName = "Niemand" } : chain[i].Content;
            var hash = AuditChain.ComputeHash(previous, content);
            chain[i] = new ChainedEntry(chain[i].Id, content, previous, hash);
            previous = hash;
        }
        Assert.True(AuditChain.Check(chain).Intact);
        Assert.Equal(new ChainBreak(4, ChainBreakKind.AnchorDiffers), AuditChain.Check(chain, anchor).Break);
    }

    [Fact]
    public void Cutting_off_the_newest_entries_is_found_with_an_anchor()
    {
        var chain = Chain(5);
        var report = AuditChain.Check(chain);
        Assert.Equal(new ChainAnchor(5, chain[4].Hash), report.Last);
        chain.RemoveRange(3, 2);
        Assert.True(AuditChain.Check(chain).Intact);
        Assert.Equal(new ChainBreak(5, ChainBreakKind.AnchorMissing), AuditChain.Check(chain, report.Last).Break);
    }

    [Theory]
    [InlineData("12:abc", false)]
    [InlineData("x:0000000000000000000000000000000000000000000000000000000000000000", false)]
    [InlineData("-1:0000000000000000000000000000000000000000000000000000000000000000", false)]
    [InlineData("12:00000000000000000000000000000000000000000000000000000000000000AF", true)]
    public void Anchor_is_id_colon_sha256_hex(string text, bool valid)
    {
        Assert.Equal(valid, ChainAnchor.TryParse(text, out var anchor));
        if (valid) Assert.Equal(text.ToLowerInvariant(), anchor.ToString());
    }
}
