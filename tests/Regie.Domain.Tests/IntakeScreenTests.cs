using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class IntakeScreenTests
{
    private static readonly Guid Mila = Guid.NewGuid();

    [Fact]
    public void Reads_scores_per_person_and_domain_and_skips_what_is_not_screened()
    {
        var errors = new ErrorList();
        var screen = IntakeScreen.Parse(new Dictionary<string, string?> { [$"{Mila}:Financien"] = "2", [$"{Mila}:Huisvesting"] = "" }, [Mila], errors);
        Assert.False(errors.HasErrors);
        Assert.Equal([new ScreenScore(Mila, ZrmDomain.Financien, 2)], screen);
    }

    [Fact]
    public void Refuses_a_stranger_an_unknown_domain_and_a_score_outside_one_to_five()
    {
        var errors = new ErrorList();
        var screen = IntakeScreen.Parse(new Dictionary<string, string?>
        {
            [$"{Guid.NewGuid()}:Financien"] = "2", [$"{Mila}:Vakantie"] = "3", [$"{Mila}:Financien"] = "6", ["zomaar"] = "1",
        }, [Mila], errors);
        Assert.Empty(screen);
        Assert.Equal(4, errors.Errors.Count);
        Assert.All(errors.Errors, e => Assert.Equal(Zrm.ScoreInvalidCode, e.Code));
    }
}
