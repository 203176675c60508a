using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regie.Web.Features.Api;

/// <summary>
/// Regie stores moments in UTC, but a database column gives them back without a kind (SQLite), so they were
/// written without an offset and an integrator could not tell UTC from Dutch time. Every moment in an answer
/// now ends in Z; one read with an offset is turned into UTC.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
            throw new JsonException("Geen datum en tijd (ISO 8601).");
        return DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue((value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
