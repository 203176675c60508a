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
}
