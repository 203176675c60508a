using Regie.Web.Features.Api;
using Regie.Web.Features.Households;
using Regie.Web.Features.Search;

namespace Regie.Web.Features.Persons;

public sealed record PersonDto(Guid Id, string? Bsn, string Voornamen, string? Voorvoegsel, string Achternaam, string VolledigeNaam,
    DateOnly Geboortedatum, string? Telefoon, string? Email, int Versie, Guid? HuidigHuishoudenId, IReadOnlyList<MembershipDto> Huishoudens,
    bool AlleenEerderHuishouden);

public sealed record MembershipDto(Guid HuishoudenId, string Naam, string Adres, string Rol, DateOnly Vanaf, DateOnly? Tot);

public sealed record PersonHitDto(Guid Id, string Naam, string? Bsn, DateOnly Geboortedatum, Guid? HuishoudenId, string? Adres);

/// <summary>A person search: how the question was read (bsn, naam, geboortedatum, adres), whether the list was cut off, and the hits.</summary>
public sealed record PersonSearchAnswer(string Soort, bool Afgekapt, IReadOnlyList<PersonHitDto> Resultaten);

/// <summary>The answer to a move: the household the person now belongs to.</summary>
public sealed record PersonMovedAnswer(Guid HuishoudenId);

public static class PersonsApi
{
    public static void MapPersonsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/persons").WithTags("Personen").RequireAuthorization(Infrastructure.Policies.Files);

        g.MapGet("/", async (string? q, string? bsn, string? naam, string? geboortedatum, string? postcode, int? huisnummer,
            PersonSearch search, TimeProvider clock, CancellationToken ct) =>
        {
            var text = q ?? bsn ?? naam ?? geboortedatum ?? (postcode is null ? null : $"{postcode} {huisnummer}");
            var request = naam is not null && q is null ? PersonSearch.ParseName(naam) : PersonSearch.Parse(text, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (!request.IsValid) return ApiResults.Invalid(request.Error!);
            var result = await search.SearchAsync(request.Value, ct);
            return Results.Ok(new PersonSearchAnswer(result.Request.Kind.ToString().ToLowerInvariant(), result.Truncated,
                result.Hits.Select(h => new PersonHitDto(h.Id, h.Naam, h.Bsn, h.Geboortedatum, h.HouseholdId, h.Adres)).ToList()));
        }).Produces<PersonSearchAnswer>(StatusCodes.Status200OK)
            .WithName("SearchPersons").WithSummary("Zoek personen op BSN, naam, geboortedatum of postcode + huisnummer.");

        g.MapGet("/{id:guid}", async (Guid id, PersonQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, ct) is { } p ? Results.Ok(ToDto(p)) : ApiResults.NotFound("De persoon"))
            .Produces<PersonDto>(StatusCodes.Status200OK)
            .WithName("GetPerson");

        g.MapPost("/", async (RegisterPersonInput input, RegisterPersonHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(input, ct), id => Results.Created($"/api/v1/persons/{id}", new CreatedAnswer(id))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("RegisterPerson").WithSummary("Registreer een persoon (nog) zonder huishouden.");

        g.MapPut("/{id:guid}/contact", async (Guid id, UpdateContactInput input, UpdateContactHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("UpdatePersonContact");

        g.MapPost("/{id:guid}/move", async (Guid id, MovePersonInput input, MovePersonHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), target => Results.Ok(new PersonMovedAnswer(target))))
            .Produces<PersonMovedAnswer>(StatusCodes.Status200OK)
            .WithName("MovePerson").WithSummary("Verhuis een persoon naar een ander huishouden; de geschiedenis blijft bewaard.");
    }

    public static PersonDto ToDto(PersonView p) => new(p.Id, p.Bsn, p.Naam.Voornamen, p.Naam.Voorvoegsel, p.Naam.Achternaam, p.Naam.FullName,
        p.Geboortedatum, p.Telefoon, p.Email, p.Versie, p.Huidig?.HouseholdId,
        p.Huishoudens.Select(h => new MembershipDto(h.HouseholdId, h.HouseholdNaam, h.Adres, h.Rol.ToString().ToLowerInvariant(), h.Vanaf, h.Tot)).ToList(),
        p.AlleenEerderHuishouden);
}
