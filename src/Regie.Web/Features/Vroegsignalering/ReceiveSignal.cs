using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>
/// A signal partner's system sends one signal (Wgs art. 2.2.1). The partner gets its receipt back and nothing else: not
/// whether the municipality knows the resident, not what becomes of the signal.
/// </summary>
public sealed class ReceiveSignalHandler(RegieDbContext db, CurrentUser user, SignalIntake intake, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Calls that open or join the same household's case at once: the loser reads again and joins. Several partners' systems can send
    /// about one household in the same moment, so a few rounds, each after a short random pause; after the last, 409.
    /// </summary>
    public const int Attempts = 8;

    public async Task<CommandResult<SignalReceipt>> HandleAsync(SignalInput input, CancellationToken ct)
    {
        var partner = await SignalPartnerAsync(db, user, ct);
        if (partner is null) return CommandResult<SignalReceipt>.Forbidden(NotASignalPartner);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        var content = SignalRules.Check(input.ToFields(), DateOnly.FromDateTime(now), errors);
        if (errors.HasErrors) return CommandResult<SignalReceipt>.Invalid(errors.Errors);
        for (var attempt = 1; ; attempt++)
        {
            var result = (await intake.ReceiveAsync(partner, SignalRules.ViaApi, [new IncomingSignal(0, content!)], user.ActorName, ct)).Single();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (IsRace(e))
            {
                db.ChangeTracker.Clear();
                if (attempt == Attempts) return CommandResult<SignalReceipt>.Conflict();
                await Task.Delay(Random.Shared.Next(5, 30) * attempt, ct);
                continue;
            }
            var isNew = result.Outcome != IntakeOutcome.AlreadyReceived;
            if (isNew)
                await audit.RecordAsync(AuditActions.Create, AuditResources.EarlySignal, result.HouseholdId,
                    detail: $"vroegsignaal {result.SignalId} van {partner.Name}: {Describe(result.Outcome)}", ct: ct);
            return CommandResult<SignalReceipt>.Ok(new SignalReceipt(result.SignalId, content!.Kenmerk, result.ReceivedAt, isNew));
        }
    }

    /// <summary>The receipt of one of the partner's own signals; another partner's signal, or one of another municipality, is not found.</summary>
    public async Task<CommandResult<SignalReceipt>> ReceiptAsync(Guid id, CancellationToken ct)
    {
        var partner = await SignalPartnerAsync(db, user, ct);
        if (partner is null) return CommandResult<SignalReceipt>.Forbidden(NotASignalPartner);
        var receipt = await db.Vroegsignalen.AsNoTracking().Where(s => s.Id == id && s.PartnerOrganisationId == partner.Id && s.Kenmerk != null)
            .Select(s => new SignalReceipt(s.Id, s.Kenmerk!, s.ReceivedAt, false)).FirstOrDefaultAsync(ct);
        if (receipt is null) return CommandResult<SignalReceipt>.NotFound("Het vroegsignaal");
        await audit.RecordAsync(AuditActions.Read, AuditResources.EarlySignal, detail: $"ontvangstbevestiging vroegsignaal {id} door {partner.Name}", ct: ct);
        return CommandResult<SignalReceipt>.Ok(receipt);
    }

    public static DomainError NotASignalPartner => new(SignalRules.NotASignalPartnerCode, "",
        "Uw organisatie is geen signaalpartner van deze gemeente. De gemeente legt in Regie vast welke organisaties signalen van betalingsachterstand sturen.");

    /// <summary>The caller's organisation, when the municipality registered it as a signal partner.</summary>
    public static async Task<Organisation?> SignalPartnerAsync(RegieDbContext db, CurrentUser user, CancellationToken ct) =>
        user.OrganisationId is { } id
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.SignaalpartnerSoort != null, ct)
            : null;

    /// <summary>Lost to a save at the same moment: a unique index or a version another save claimed first, or PostgreSQL's deadlock victim.</summary>
    public static bool IsRace(DbUpdateException e) =>
        e.IsConflict() || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected or Npgsql.PostgresErrorCodes.SerializationFailure };

    public static string Describe(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Matched => "gekoppeld aan een huishouden",
        IntakeOutcome.Unmatched => "wacht op koppelen met de hand",
        _ => "al eerder ontvangen",
    };
}
