using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>Issue 19: a help request's status moves only through <see cref="HelpRequest.RecordIntake"/> and <see cref="HelpRequest.Decide"/>.</summary>
public sealed class HelpRequestTransitionTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Mila = Guid.CreateVersion7();
    private static readonly TriageSuggestion Suggestion = new(CaseClass.Enkelvoudig, [ZrmDomain.Financien], TriageRoute.Wijkteam, "Uitleg");

    private static HelpRequest NewRequest() =>
        HelpRequest.Register("0344", Guid.Empty, RequestSource.Inwoner, null, "Schulden", Today, false, [Mila], "u1", default);

    [Fact]
    public void A_registered_request_is_received_about_each_person_once_and_has_no_screen()
    {
        var household = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        var at = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var request = HelpRequest.Register("0344", household, RequestSource.Huisarts, "Dr. Jansen", "Schulden", Today, true, [Mila, other, Mila], "u1", at);
        Assert.Equal(("0344", household, RequestSource.Huisarts, "Dr. Jansen", "Schulden", Today, true), (request.Gemeentecode, request.HouseholdId, request.Source,
            request.SourceDetail, request.Description, request.ReceivedOn, request.Maatwerk));
        Assert.Equal((RequestStatus.Ontvangen, "u1", at), (request.Status, request.RegisteredBy, request.RegisteredAt));
        Assert.NotEqual(Guid.Empty, request.Id);
        Assert.Equal([(request.Id, Mila), (request.Id, other)], request.Persons.Select(p => (p.RequestId, p.PersonId)));
        Assert.Empty(request.Scores);
        Assert.Null(request.SuggestedRoute);
    }

    [Fact]
    public void A_request_without_a_screen_cannot_be_decided()
    {
        var request = NewRequest();
        Assert.Equal(HelpRequest.NotScreenedCode, request.RefuseDecision()?.Code);
        Assert.Throws<InvalidOperationException>(() => request.Decide(TriageRoute.Wijkteam, null, "u1", DateTime.UtcNow));
        Assert.Equal(RequestStatus.Ontvangen, request.Status);
    }

    [Fact]
    public void The_intake_sets_the_screen_and_a_redone_one_keeps_changes_and_drops_rows()
    {
        var request = NewRequest();
        Assert.Null(request.RefuseIntake());
        request.RecordIntake([new(Mila, ZrmDomain.Financien, 2), new(Mila, ZrmDomain.Huisvesting, 4)], Suggestion, TriageModel.TeamVoorAlles, Today, "u1");
        Assert.Equal((RequestStatus.IntakeGedaan, Today, TriageRoute.Wijkteam, CaseClass.Enkelvoudig), (request.Status, request.IntakeOn, request.SuggestedRoute, request.CaseClass));
        request.RecordIntake([new(Mila, ZrmDomain.Financien, 3)], Suggestion, TriageModel.TeamVoorAlles, Today, "u2");
        var score = Assert.Single(request.Scores);
        Assert.Equal((ZrmDomain.Financien, 3), (score.Domain, score.Score));
        Assert.Equal("u2", request.IntakeBy);
    }

    [Fact]
    public void A_decided_request_takes_no_new_screen_and_no_second_decision()
    {
        var request = NewRequest();
        request.RecordIntake([new(Mila, ZrmDomain.Financien, 2)], Suggestion, TriageModel.TeamVoorAlles, Today, "u1");
        Assert.Null(request.RefuseDecision());
        var at = new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc);
        request.Decide(TriageRoute.Loket, "Alleen een voorziening", "u1", at);
        Assert.Equal((RequestStatus.Besloten, TriageRoute.Loket, "Alleen een voorziening", at), (request.Status, request.DecidedRoute, request.DecisionReason, request.DecidedAt));

        Assert.Equal(HelpRequest.AlreadyDecidedCode, request.RefuseIntake()?.Code);
        Assert.Equal(HelpRequest.AlreadyDecidedCode, request.RefuseDecision()?.Code);
        Assert.Throws<InvalidOperationException>(() => request.RecordIntake([], Suggestion, TriageModel.TeamVoorAlles, Today, "u1"));
        Assert.Throws<InvalidOperationException>(() => request.Decide(TriageRoute.Wijkteam, null, "u1", at));
        Assert.Equal(TriageRoute.Loket, request.DecidedRoute);
    }

    [Fact]
    public void Registration_rules_refuse_with_their_codes_and_accept_what_is_fine()
    {
        var errors = new ErrorList();
        Assert.Null(HelpRequest.ParseSource("Buurman", errors));
        Assert.Null(HelpRequest.CheckDescription(" ", errors));
        HelpRequest.CheckReceived(Today.AddDays(1).ToString("dd-MM-yyyy"), Today, errors);
        HelpRequest.CheckPersons([Guid.CreateVersion7()], [Mila], errors);
        Assert.Equal([HelpRequest.SourceInvalidCode, HelpRequest.DescriptionRequiredCode, HelpRequest.DateInvalidCode, HelpRequest.PersonsRequiredCode],
            errors.Errors.Select(e => e.Code));

        var fine = new ErrorList();
        Assert.Equal(RequestSource.Huisarts, HelpRequest.ParseSource("Huisarts", fine));
        Assert.Equal("Schulden", HelpRequest.CheckDescription("Schulden", fine));
        Assert.Equal(Today, HelpRequest.CheckReceived(null, Today, fine));
        Assert.Equal(Today.AddDays(-3), HelpRequest.CheckReceived(Today.AddDays(-3).ToString("dd-MM-yyyy"), Today, fine));
        HelpRequest.CheckPersons([Mila], [Mila], fine);
        Assert.False(fine.HasErrors);
    }
}
