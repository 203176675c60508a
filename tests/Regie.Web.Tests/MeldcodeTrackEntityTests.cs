using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>The track entity's own reading of its entries, without a database.</summary>
public sealed class MeldcodeTrackEntityTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Child = Guid.NewGuid();

    private static MeldcodeEntry Record(MeldcodeTrack track, MeldcodeEntryFields fields, int minutes)
    {
        var errors = new ErrorList();
        var entry = track.Record(fields, "t", "Fatima Bouzid", Now.AddMinutes(minutes), errors);
        Assert.Empty(errors.Errors);
        return entry!;
    }

    private static IReadOnlyList<WeighingAnswer> Answers(params bool[] answers) =>
        [.. answers.Select((a, i) => new WeighingAnswer(i + 1, a, $"Onderbouwing {i + 1}"))];

    [Fact]
    public void Correcting_an_older_weighing_leaves_the_newest_weighing_as_the_one_that_counts()
    {
        var track = MeldcodeTrack.Open("9999", Guid.NewGuid(), null, null, [Child], Today, Now, "t");
        Record(track, new MeldcodeEntryFields(MeldcodeStep.Signalen, Today, "Blauwe plekken", Who: "School"), 0);
        Record(track, new MeldcodeEntryFields(MeldcodeStep.Overleg, Today, "Eerst wegen", Who: "Sanne Jansen", ConsultedWith: ConsultationPartner.Aandachtsfunctionaris), 1);
        Record(track, new MeldcodeEntryFields(MeldcodeStep.Gesprek, Today, "Moeder herkent het", Who: "Moeder", ConversationHeld: true), 2);
        var first = Record(track, new MeldcodeEntryFields(MeldcodeStep.Weging, Today, "", Weighing: Answers(true, true)), 3);
        Assert.Equal(WeighingOutcome.Melden, track.LatestWeighing()!.Outcome);
        var second = Record(track, new MeldcodeEntryFields(MeldcodeStep.Weging, Today, "", Weighing: Answers(true, false, true, true, true)), 4);
        Assert.Equal(WeighingOutcome.HulpOrganiseren, track.LatestWeighing()!.Outcome);

        // A correction of the first weighing's wording does not bring its outcome back.
        Record(track, new MeldcodeEntryFields(MeldcodeStep.Weging, Today, "", Weighing: Answers(true, true), CorrectsEntryId: first.Id), 5);
        Assert.Equal(second.Id, track.LatestWeighing()!.Id);
        // A correction of the second is what counts from then on.
        var corrected = Record(track, new MeldcodeEntryFields(MeldcodeStep.Weging, Today, "", Weighing: Answers(true, false, true, true, false), CorrectsEntryId: second.Id), 6);
        Assert.Equal((corrected.Id, WeighingOutcome.Melden), (track.LatestWeighing()!.Id, track.LatestWeighing()!.Outcome));
    }
}
