using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class ConferenceRulesTests
{
    /// <summary>Monday 7 December 2026, 09:00 in Amsterdam (winter time, UTC+1).</summary>
    private static readonly DateTime Now = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    private static (ConferenceSchedule? Schedule, string[] Codes) Check(string? soort = "Rondetafel", string? datum = "14-12-2026", string? begin = "10:00",
        string? eind = "11:30", string? plaats = "Buurthuis De Linde", string? link = null)
    {
        var errors = new ErrorList();
        var schedule = ConferenceRules.Check(new ConferenceFields(soort, datum, begin, eind, plaats, link), Now, errors);
        return (schedule, errors.Errors.Select(e => e.Code).ToArray());
    }

    [Fact]
    public void Coordinator_plans_a_rondetafel_in_dutch_time_and_it_is_kept_in_utc()
    {
        var (s, codes) = Check();
        Assert.Empty(codes);
        Assert.Equal(new ConferenceSchedule(ConferenceKind.Rondetafel, new DateTime(2026, 12, 14, 9, 0, 0), new DateTime(2026, 12, 14, 10, 30, 0), "Buurthuis De Linde", null), s);
        // Summer time: two hours ahead of UTC.
        Assert.Equal(new DateTime(2027, 6, 1, 8, 0, 0), Check(datum: "01-06-2027")!.Schedule!.StartsAt);
    }

    [Theory]
    [InlineData("Koffie", "14-12-2026", "10:00", "11:00", "Buurthuis", null, ConferenceRules.KindInvalidCode)]
    [InlineData("Rondetafel", "14-13-2026", "10:00", "11:00", "Buurthuis", null, ConferenceRules.DateInvalidCode)]
    [InlineData("Rondetafel", "14-12-2026", "25:00", "11:00", "Buurthuis", null, ConferenceRules.TimeInvalidCode)]
    [InlineData("Rondetafel", "14-12-2026", "11:00", "10:00", "Buurthuis", null, ConferenceRules.EndBeforeStartCode)]
    [InlineData("Rondetafel", "14-12-2026", "11:00", "11:00", "Buurthuis", null, ConferenceRules.EndBeforeStartCode)]
    [InlineData("Rondetafel", "07-12-2026", "08:59", "10:00", "Buurthuis", null, ConferenceRules.InPastCode)]
    [InlineData("Rondetafel", "14-12-2027", "10:00", "11:00", "Buurthuis", null, ConferenceRules.TooFarAheadCode)]
    [InlineData("Rondetafel", "14-12-2026", "10:00", "11:00", null, null, ConferenceRules.PlaceRequiredCode)]
    [InlineData("Rondetafel", "14-12-2026", "10:00", "11:00", null, "http://meet.voorbeeld.nl/x", ConferenceRules.LinkInvalidCode)]
    [InlineData("Rondetafel", "14-12-2026", "10:00", "11:00", null, "javascript:alert(1)", ConferenceRules.LinkInvalidCode)]
    public void A_conference_that_breaks_a_rule_is_refused_with_its_code(string soort, string datum, string begin, string eind, string? plaats, string? link, string code)
    {
        var (s, codes) = Check(soort, datum, begin, eind, plaats, link);
        Assert.Null(s);
        Assert.Equal([code], codes);
    }

    [Fact]
    public void An_online_conference_needs_only_an_https_link()
    {
        var (s, codes) = Check(plaats: null, link: "https://meet.voorbeeld.nl/overleg-123");
        Assert.Empty(codes);
        Assert.Equal(("https://meet.voorbeeld.nl/overleg-123", (string?)null), (s!.Link, s.Place));
    }

    [Fact]
    public void Invitees_are_the_households_own_or_named_with_an_email_address()
    {
        var member = Guid.NewGuid();
        var involvement = Guid.NewGuid();
        var known = new Dictionary<(InviteeKind, Guid), (string, string?)>
        {
            [(InviteeKind.Huishoudlid, member)] = ("Sanne Bakker", null),
            [(InviteeKind.Betrokkene, involvement)] = ("Linda Meijer (Woningcorporatie Thuis)", "linda@thuis.example"),
        };
        var errors = new ErrorList();
        var invitees = ConferenceRules.CheckInvitees([
            new("Huishoudlid", member, null, null),
            new("Huishoudlid", member, null, null),
            new("Betrokkene", involvement, "genegeerd", "genegeerd@x.example"),
            new("Anders", null, "Oma Bakker", "oma@bakker.example"),
        ], known, errors);
        Assert.Empty(errors.Errors);
        Assert.Equal([
            new InviteeContent(InviteeKind.Huishoudlid, member, "Sanne Bakker", null),
            new InviteeContent(InviteeKind.Betrokkene, involvement, "Linda Meijer (Woningcorporatie Thuis)", "linda@thuis.example"),
            new InviteeContent(InviteeKind.Anders, null, "Oma Bakker", "oma@bakker.example"),
        ], invitees);
    }

    [Fact]
    public void An_invitee_of_another_household_or_without_an_address_is_refused()
    {
        var errors = new ErrorList();
        ConferenceRules.CheckInvitees([
            new("Huishoudlid", Guid.NewGuid(), null, null),
            new("Anders", null, "Buurvrouw", null),
            new("Anders", null, "Buurman", "geen-adres"),
            new("Netwerk", null, "Oom", "oom@x.example"),
        ], new Dictionary<(InviteeKind, Guid), (string, string?)>(), errors);
        Assert.Equal([
            (ConferenceRules.InviteeUnknownCode, "Genodigden[0]"),
            (ConferenceRules.InviteeEmailRequiredCode, "Genodigden[1].Email"),
            (Regie.Domain.Registry.ContactDetails.EmailInvalidCode, "Genodigden[2].Email"),
            (ConferenceRules.InviteeKindInvalidCode, "Genodigden[3]"),
        ], errors.Errors.Select(e => (e.Code, e.Field)));

        var none = new ErrorList();
        ConferenceRules.CheckInvitees([], new Dictionary<(InviteeKind, Guid), (string, string?)>(), none);
        Assert.Equal([ConferenceRules.InviteesRequiredCode], none.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Only_a_planned_conference_moves_and_only_a_started_one_gets_its_record()
    {
        Assert.Null(ConferenceRules.CheckCanChange(ConferenceStatus.Gepland));
        Assert.Equal(ConferenceRules.NotPlannedCode, ConferenceRules.CheckCanChange(ConferenceStatus.Gehouden)!.Code);
        Assert.Equal(ConferenceRules.CancelledCode, ConferenceRules.CheckCanChange(ConferenceStatus.Geannuleerd)!.Code);
        Assert.Equal(ConferenceRules.NotStartedCode, ConferenceRules.CheckCanRecord(ConferenceStatus.Gepland, Now.AddMinutes(1), Now)!.Code);
        Assert.Null(ConferenceRules.CheckCanRecord(ConferenceStatus.Gepland, Now, Now));
        Assert.Equal(ConferenceRules.CancelledCode, ConferenceRules.CheckCanRecord(ConferenceStatus.Geannuleerd, Now.AddDays(-1), Now)!.Code);
    }

    [Fact]
    public void Minutes_keep_the_decisions_that_were_written_in_order()
    {
        var errors = new ErrorList();
        var m = ConferenceRules.CheckMinutes("  Besproken: de huur.  ", ["Regeling met de corporatie", " ", null, "Evaluatie over zes weken"], errors);
        Assert.Empty(errors.Errors);
        Assert.Equal("Besproken: de huur.", m!.Value.Minutes);
        Assert.Equal(["Regeling met de corporatie", "Evaluatie over zes weken"], m.Value.Decisions);

        var tooLong = new ErrorList();
        Assert.Null(ConferenceRules.CheckMinutes(null, [new string('x', ConferenceRules.DecisionMaxLength + 1)], tooLong));
        Assert.Equal([(TextRules.TooLongCode, "Besluiten[0]")], tooLong.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void A_network_member_is_invited_with_the_name_and_address_the_file_has_and_none_twice()
    {
        var aunt = Guid.NewGuid();
        var uncle = Guid.NewGuid();
        var known = new Dictionary<(InviteeKind, Guid), (string, string?)>
        {
            [(InviteeKind.Netwerklid, aunt)] = ("Tante Els", "els@thuis.example"),
            [(InviteeKind.Netwerklid, uncle)] = ("Oom Kees", null),
        };
        var errors = new ErrorList();
        var invitees = ConferenceRules.CheckInvitees([new("Netwerklid", aunt, "Iemand anders", "ander@x.example"), new("Netwerklid", uncle, null, null)], known, errors);
        Assert.Empty(errors.Errors);
        Assert.Equal([new InviteeContent(InviteeKind.Netwerklid, aunt, "Tante Els", "els@thuis.example"), new InviteeContent(InviteeKind.Netwerklid, uncle, "Oom Kees", null)],
            invitees);
        // Someone with the same kind and reference, or for someone named the same address in other capitals, is invited already.
        var invited = new List<InviteeContent> { invitees[0], new(InviteeKind.Anders, null, "Juf", "juf@school.example") };
        Assert.Null(ConferenceRules.CheckNotInvited(invited, [invitees[1], new(InviteeKind.Anders, null, "Meester", "meester@school.example")]));
        Assert.Equal((ConferenceRules.InviteeAlreadyInvitedCode, "Genodigden[1]"), Pair(ConferenceRules.CheckNotInvited(invited,
            [invitees[1], new(InviteeKind.Anders, null, "Juf J.", "JUF@school.example")])));
        Assert.Equal((ConferenceRules.InviteeAlreadyInvitedCode, "Genodigden[0]"), Pair(ConferenceRules.CheckNotInvited(invited, [invitees[0]])));
        // The same person as a member is not the same invitee as a network member.
        Assert.Null(ConferenceRules.CheckNotInvited(invited, [new(InviteeKind.Huishoudlid, aunt, "Tante Els", null)]));
    }

    [Fact]
    public void The_last_invitation_is_not_withdrawn()
    {
        Assert.Null(ConferenceRules.CheckCanWithdraw(1));
        Assert.Equal((ConferenceRules.InviteesRequiredCode, "Genodigde"), Pair(ConferenceRules.CheckCanWithdraw(0)));
    }

    private static (string, string) Pair(DomainError? e) => (e!.Code, e.Field);
}
