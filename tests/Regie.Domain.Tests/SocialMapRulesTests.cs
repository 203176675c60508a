using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Domain.SocialMap;

namespace Regie.Domain.Tests;

public sealed class SocialMapRulesTests
{
    [Fact]
    public void Distance_is_the_great_circle_between_two_points()
    {
        // One degree of latitude along a meridian: 6371.0088 × π / 180 = 111.195 km.
        Assert.Equal(111.195, new GeoPoint(52, 5).DistanceKmTo(new GeoPoint(53, 5)), 3);
        // Amsterdam Centraal to Utrecht Centraal: 0.2897° north-south is 32.21 km, 0.2097° east-west at 52.2° (cos 0.6124) is 14.28 km,
        // together √(32.21² + 14.28²) = 35.2 km as the crow flies.
        Assert.Equal(35.2, new GeoPoint(52.3791, 4.9003).DistanceKmTo(new GeoPoint(52.0894, 5.1100)), 1);
        Assert.Equal(0, new GeoPoint(53.3, 6.8).DistanceKmTo(new GeoPoint(53.3, 6.8)), 9);
    }

    [Fact]
    public void Coordinates_off_the_earth_are_no_place()
    {
        // The HSDS examples carry 100 and 101 as placeholders.
        Assert.Null(GeoPoint.From(100, 101));
        Assert.Null(GeoPoint.From(null, 6));
        Assert.Equal(new GeoPoint(53, 6), GeoPoint.From(53, 6));
    }

    [Theory]
    [InlineData(12, 12, 100, true)]
    [InlineData(11, 12, 100, false)]
    [InlineData(100, 12, 100, true)]
    [InlineData(101, 12, 100, false)]
    [InlineData(40, null, null, true)]
    [InlineData(17, null, 17, true)]
    public void Ages_are_inclusive_and_a_missing_limit_fits_everyone(int age, int? min, int? max, bool fits) =>
        Assert.Equal(fits, SearchRules.FitsAge(min, max, age));

    [Fact]
    public void Kinds_have_the_codes_the_referral_event_uses()
    {
        Assert.Equal(["algemeen", "nulde-lijn", "maatwerk"], ServiceKinds.All.Select(ServiceKinds.Code));
        Assert.All(ServiceKinds.All, k => Assert.Equal(k, ServiceKinds.FromCode(ServiceKinds.Code(k))));
        Assert.Null(ServiceKinds.FromCode("gratis"));
    }

    [Fact]
    public void Regie_taxonomy_has_one_term_per_kind_and_life_domain_and_a_marking_always_gets_the_same_id()
    {
        Assert.Equal(3 + 13, RegieTaxonomy.Terms.Select(t => t.Id).Distinct().Count());
        Assert.Equal("leefgebied:financien", RegieTaxonomy.Find(RegieTaxonomy.TermOf(ZrmDomain.Financien))!.Code);
        var service = Guid.Parse("ac148810-d857-441c-9679-408f346de14b");
        var id = RegieTaxonomy.AttributeId(service, RegieTaxonomy.TermOf(ServiceKind.Algemeen));
        Assert.Equal(id, RegieTaxonomy.AttributeId(service, RegieTaxonomy.TermOf(ServiceKind.Algemeen)));
        Assert.NotEqual(id, RegieTaxonomy.AttributeId(service, RegieTaxonomy.TermOf(ServiceKind.Maatwerk)));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id.ToString());
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("120", true)]
    [InlineData("121", false)]
    [InlineData("-3", false)]
    [InlineData("twaalf", false)]
    public void Age_in_a_search_is_zero_to_120(string input, bool valid)
    {
        var errors = new ErrorList();
        SearchRules.Age(input, errors);
        Assert.Equal(!valid, errors.HasErrors);
    }

    [Fact]
    public void Distance_needs_a_positive_number_and_a_postcode()
    {
        var errors = new ErrorList();
        Assert.Equal(2.5, SearchRules.Distance("2,5", true, errors));
        Assert.Null(SearchRules.Distance("0", true, errors));
        Assert.Null(SearchRules.Distance("5", false, errors));
        Assert.Equal([SearchRules.DistanceInvalidCode, SearchRules.DistanceNeedsPostcodeCode], errors.Errors.Select(e => e.Code));
        Assert.Equal("9911", SearchRules.Pc4("9911 AB"));
        Assert.Null(SearchRules.Pc4("ABC 1234"));
    }
}
