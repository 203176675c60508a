using Regie.Domain.Registry;
using Regie.Web.Features.Api;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Households;

public sealed record AddressDto(string? Straat, int Huisnummer, string? Huisletter, string? Toevoeging, string Postcode, string Woonplaats, string? Wijk, string? Buurt);

public sealed record MemberDto(Guid PersonId, string Naam, string? Bsn, DateOnly Geboortedatum, string Rol, DateOnly Vanaf, DateOnly? Tot);

/// <summary>Team and Regisseur: the names of the team that holds the file and of its coordinator (null while there is none).</summary>
public sealed record HouseholdDto(Guid Id, string Naam, AddressDto Adres, int Versie, IReadOnlyList<MemberDto> Leden, IReadOnlyList<MemberDto> VoormaligeLeden,
    string? Team, string? Regisseur);

/// <summary>The answer to adding a member: the person's id, new or already known.</summary>
public sealed record MemberAddedAnswer(Guid PersonId);

public static class HouseholdsApi
{
    public static void MapHouseholdsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households").WithTags("Huishoudens").RequireAuthorization(Infrastructure.Policies.Files);

        g.MapGet("/", async (string? postcode, int? huisnummer, HouseholdQueries queries, CancellationToken ct) =>
        {
            var pc = Postcode.Parse(postcode, "postcode");
            if (!pc.IsValid) return ApiResults.Invalid(pc.Error!);
            if (huisnummer is null) return ApiResults.Invalid(new(Address.HuisnummerCode, "huisnummer", "Geef ook het huisnummer op."));
            return ApiResults.From(await queries.AtAddressAsync(pc.Value.Value, huisnummer.Value, ct), s => Results.Ok(s));
        }).Produces<HouseholdQueries.AddressSearch>(StatusCodes.Status200OK)
            .WithName("SearchHouseholds").WithSummary("Huishoudens op een adres (postcode + huisnummer).")
            .WithDescription("Voor de zorgrollen: de huishoudens op het adres waarvan u het dossier mag openen, en of er daarnaast een ander huishouden bekend is (zonder naam of aantal leden), zodat niemand het dubbel registreert. Partners krijgen 403. Elke zoekopdracht staat in de audittrail.");

        g.MapGet("/{id:guid}", async (Guid id, HouseholdQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, ct) is { } h ? Results.Ok(ToDto(h)) : ApiResults.NotFound("Het huishouden"))
            .Produces<HouseholdDto>(StatusCodes.Status200OK)
            .WithName("GetHousehold");

        g.MapPost("/", async (CreateHouseholdInput input, CreateHouseholdHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(input, ct), id => Results.Created($"/api/v1/households/{id}", new CreatedAnswer(id))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("CreateHousehold").WithSummary("Registreer een huishouden met zijn leden.");

        g.MapPost("/{id:guid}/members", async (Guid id, AddMemberInput input, AddMemberHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), personId => Results.Ok(new MemberAddedAnswer(personId))))
            .Produces<MemberAddedAnswer>(StatusCodes.Status200OK)
            .WithName("AddHouseholdMember");

        g.MapPost("/{id:guid}/members/{personId:guid}/end", async (Guid id, Guid personId, EndMembershipInput input, EndMembershipHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, personId, input, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("EndHouseholdMembership");

        g.MapPut("/{id:guid}/address", async (Guid id, ChangeAddressInput input, ChangeAddressHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("ChangeHouseholdAddress");

        g.MapPost("/{id:guid}/assessments", async (Guid id, Assessments.ZrmInput input, Assessments.RecordZrmAssessmentHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), a => Results.Created($"/api/v1/households/{id}/assessments", new CreatedAnswer(a))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("RecordZrmAssessment").WithSummary("Leg een ZRM-meting vast van een lid (scores 1–5 per leefgebied).");

        g.MapGet("/{id:guid}/assessments", async (Guid id, Assessments.ZrmQueries handler, CancellationToken ct) =>
            await handler.OverviewAsync(id, ct) is { } o ? Results.Ok(o) : ApiResults.NotFound("Het huishouden"))
            .Produces<Assessments.ZrmOverview>(StatusCodes.Status200OK)
            .WithName("GetZrmAssessments");

        g.MapPut("/{id:guid}/coordinator", async (Guid id, Coordination.AssignCoordinatorInput input, Coordination.AssignCoordinatorHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("AssignCoordinator").WithSummary("Wijs de regisseur toe of draag de regie over (met overdracht).");

        g.MapGet("/{id:guid}/timeline", async (Guid id, long? before, HouseholdQueries queries, TimelineQuery timeline, CancellationToken ct) =>
        {
            if (!await queries.ExistsAsync(id, ct)) return ApiResults.NotFound("Het huishouden");
            return await timeline.ReadAsync(id, before, ct) is { } page ? Results.Ok(page) : ApiResults.NotFound("De tijdlijn");
        }).Produces<TimelinePage>(StatusCodes.Status200OK)
            .WithName("GetHouseholdTimeline");
    }

    public static HouseholdDto ToDto(HouseholdView h)
    {
        var a = h.Adres;
        return new HouseholdDto(h.Id, h.Naam, new AddressDto(a.Straat, a.Huisnummer, a.Huisletter, a.Toevoeging, a.Postcode.Value, a.Woonplaats, a.Wijk, a.Buurt),
            h.Versie, h.Leden.Select(Member).ToList(), h.VoormaligeLeden.Select(Member).ToList(), h.Team, h.Regisseur);

        static MemberDto Member(MemberView m) => new(m.PersonId, m.Naam, m.Bsn, m.Geboortedatum, m.Rol.ToString().ToLowerInvariant(), m.Vanaf, m.Tot);
    }
}
