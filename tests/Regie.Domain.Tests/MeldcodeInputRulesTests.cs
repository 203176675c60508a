using Regie.Domain.Common;
using Regie.Domain.Safety;

namespace Regie.Domain.Tests;

public sealed class MeldcodeInputRulesTests
{
    [Fact]
    public void A_conversation_that_was_held_says_with_whom()
    {
        var errors = new ErrorList();
        Assert.Null(MeldcodeInputRules.WithWhom("  ", held: true, errors));
        Assert.Equal((MeldcodeInputRules.WithWhomRequiredCode, "Met"), (errors.Errors.Single().Code, errors.Errors.Single().Field));
    }

    [Fact]
    public void A_conversation_that_was_not_held_needs_no_one_and_a_named_one_is_kept()
    {
        var errors = new ErrorList();
        Assert.Null(MeldcodeInputRules.WithWhom(null, held: false, errors));
        Assert.Equal("moeder", MeldcodeInputRules.WithWhom(" moeder ", held: true, errors));
        Assert.False(errors.HasErrors);
    }

    [Fact]
    public void A_report_to_Veilig_Thuis_names_who_informs_the_family()
    {
        var errors = new ErrorList();
        Assert.Null(MeldcodeInputRules.InformsFamily(null, errors));
        Assert.Equal((MeldcodeInputRules.ReportIncompleteCode, "InformeertGezin"), (errors.Errors.Single().Code, errors.Errors.Single().Field));
        var ok = new ErrorList();
        Assert.Equal("de regisseur", MeldcodeInputRules.InformsFamily("de regisseur", ok));
        Assert.False(ok.HasErrors);
    }

    [Fact]
    public void A_correction_without_the_part_of_its_step_names_that_part()
    {
        var error = MeldcodeInputRules.CorrectionPartMissing(MeldcodeStep.Overleg);
        Assert.Equal((MeldcodeInputRules.PartRequiredCode, "Overleg"), (error.Code, error.Field));
        Assert.EndsWith("geef de correctie in 'overleg'.", error.Message);
    }
}
