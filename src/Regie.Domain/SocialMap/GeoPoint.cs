namespace Regie.Domain.SocialMap;

/// <summary>A point in WGS 84 degrees, as HSDS locations carry them.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Mean earth radius (IUGG); the error against the ellipsoid stays far below a postcode area's size.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public static bool IsValid(double latitude, double longitude) =>
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 && double.IsFinite(latitude) && double.IsFinite(longitude);

    /// <summary>A point only when both coordinates exist and lie on the earth (HSDS examples carry 100/101 as placeholders).</summary>
    public static GeoPoint? From(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon && IsValid(lat, lon) ? new GeoPoint(lat, lon) : null;

    /// <summary>Great-circle distance (haversine), in kilometres.</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
