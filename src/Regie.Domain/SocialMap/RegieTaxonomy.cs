using Regie.Domain.Assessment;

namespace Regie.Domain.SocialMap;

/// <summary>
/// Regie's own HSDS taxonomy: the kind of a service and the ZRM life domains it helps with, as
/// taxonomy terms that services link to through HSDS attributes. The ids are fixed, so a marking
/// survives an export to another system and an import back, and two municipalities' exports agree.
/// </summary>
public static class RegieTaxonomy
{
    public static readonly Guid TaxonomyId = Guid.Parse("c135a317-6ef9-41d0-b3ad-b17f9adb1e12");
    public const string TaxonomyName = "Regie sociale kaart";
    public const string TaxonomyDescription = "Soort voorziening (algemeen, nulde lijn, maatwerk) en de leefgebieden van de Zelfredzaamheid-Matrix waarbij een dienst helpt.";
    public const string TaxonomyUri = "urn:regie:sociale-kaart";
    public const string TaxonomyVersion = "1";
    /// <summary>What an attribute of this taxonomy says about the service (HSDS attribute.link_type).</summary>
    public const string KindLinkType = "soort";
    public const string DomainLinkType = "leefgebied";
    public const string LinkEntity = "service";

    private static readonly Dictionary<ServiceKind, Guid> KindTerms = new()
    {
        [ServiceKind.Algemeen] = Guid.Parse("792ca21e-1214-40f3-ac29-7ae8b308cd3e"),
        [ServiceKind.NuldeLijn] = Guid.Parse("257d11fa-1c98-49ee-9eab-e1d24261568a"),
        [ServiceKind.Maatwerk] = Guid.Parse("6d5149f5-d166-4a05-9150-861d3d195bba"),
    };

    private static readonly Dictionary<ZrmDomain, Guid> DomainTerms = new()
    {
        [ZrmDomain.Financien] = Guid.Parse("1668ec30-9afb-4fb6-a21c-fe19cf5fb764"),
        [ZrmDomain.WerkOpleiding] = Guid.Parse("770e40f2-ea42-433b-8359-f87399d062a4"),
        [ZrmDomain.Tijdsbesteding] = Guid.Parse("5c3356fb-a34b-46d5-ba3b-e161e47940b1"),
        [ZrmDomain.Huisvesting] = Guid.Parse("9eb0a61f-86dd-423b-a608-7784e992a635"),
        [ZrmDomain.HuiselijkeRelaties] = Guid.Parse("b29a3029-6970-4f75-acd8-c9ae84d90c2a"),
        [ZrmDomain.GeestelijkeGezondheid] = Guid.Parse("cfdff5d5-935a-420b-970e-80895dd1bd3f"),
        [ZrmDomain.LichamelijkeGezondheid] = Guid.Parse("01a8c978-b59f-4d9a-ad0b-1c94db9d6cb8"),
        [ZrmDomain.Middelengebruik] = Guid.Parse("d324e7cc-456e-4b16-9365-1cd4b4ae57c1"),
        [ZrmDomain.BasaleAdl] = Guid.Parse("1710583f-1d46-4685-918f-6d300f471b3b"),
        [ZrmDomain.InstrumenteleAdl] = Guid.Parse("e0db4db1-7a72-43df-b644-f7ea2eb555b3"),
        [ZrmDomain.SociaalNetwerk] = Guid.Parse("bbc6e712-9526-4b5c-b963-76a7fb36f157"),
        [ZrmDomain.MaatschappelijkeParticipatie] = Guid.Parse("5a82e22a-6e82-4aa5-ad3a-c2c34d54c0b9"),
        [ZrmDomain.Justitie] = Guid.Parse("8de75bc6-fe24-4468-a68c-a500ec3de799"),
    };

    public sealed record Term(Guid Id, string Code, string Name, string Description, ServiceKind? Kind, ZrmDomain? Domain);

    public static Guid TermOf(ServiceKind kind) => KindTerms[kind];
    public static Guid TermOf(ZrmDomain domain) => DomainTerms[domain];

    public static IReadOnlyList<Term> Terms { get; } =
    [
        .. KindTerms.Select(k => new Term(k.Value, "soort:" + ServiceKinds.Code(k.Key), ServiceKinds.Label(k.Key),
            "Soort voorziening: " + ServiceKinds.Explanation(k.Key) + ".", k.Key, null)),
        .. DomainTerms.Select(d => new Term(d.Value, "leefgebied:" + d.Key.ToString().ToLowerInvariant(), Zrm.Label(d.Key),
            "Leefgebied van de Zelfredzaamheid-Matrix: " + Zrm.Label(d.Key) + ".", null, d.Key)),
    ];

    public static Term? Find(Guid termId) => Terms.FirstOrDefault(t => t.Id == termId);

    /// <summary>
    /// The id of the attribute that links one service to one term: the same marking always gets the
    /// same id, so marking twice changes nothing and an exported marking is recognised on import.
    /// </summary>
    public static Guid AttributeId(Guid serviceId, Guid termId)
    {
        Span<byte> input = stackalloc byte[32];
        serviceId.TryWriteBytes(input[..16]);
        termId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(input, hash);
        var bytes = hash[..16].ToArray();
        // RFC 9562 version 8 (custom) with the RFC variant, so it is a well-formed uuid everywhere.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
