using Regie.Domain.Common;
using Regie.Domain.Consent;

namespace Regie.Domain.Tests;

public sealed class MessageRulesTests
{
    [Fact]
    public void A_thread_starts_with_a_subject_and_a_first_message_within_their_limits()
    {
        var errors = new ErrorList();
        Assert.Equal(("Huur", "Kunnen we bellen?"), MessageRules.CheckThread(" Huur ", " Kunnen we bellen? ", errors));
        Assert.Null(MessageRules.CheckThread("", new string('x', MessageRules.BodyMaxLength + 1), errors));
        Assert.Null(MessageRules.CheckThread(new string('x', MessageRules.SubjectMaxLength + 1), " ", errors));
        Assert.Equal([(MessageRules.SubjectRequiredCode, "Onderwerp"), (TextRules.TooLongCode, "Tekst"), (TextRules.TooLongCode, "Onderwerp"),
            (MessageRules.BodyRequiredCode, "Tekst")], errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Only_an_organisation_that_may_take_part_gets_a_thread_and_its_notification_is_neutral()
    {
        Assert.Null(MessageRules.CheckOrganisation(true));
        Assert.Equal((MessageRules.OrganisationNotAllowedCode, "OrganisatieId"), MessageRules.CheckOrganisation(false) is { } e ? (e.Code, e.Field) : default);
        Assert.Equal("Er is een nieuw bericht voor u. Open Regie om het te lezen.", MessageRules.NotificationBody);
    }
}
