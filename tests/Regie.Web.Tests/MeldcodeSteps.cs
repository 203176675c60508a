using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// The steps of the Meldcode as a worker takes them through the API, with bodies as a worker would fill them in; tests
/// change only what they are about. Each call answers the response, so a test asserts what it is about.
/// </summary>
public static class MeldcodeSteps
{
    public static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string DaysAgo(int days) => DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Base(Guid household) => $"/api/v1/households/{household}/meldcode";

    public static Task<HttpResponseMessage> SignalsAsync(HttpClient client, Guid household, string wat = "Noor vertelde haar juf dat papa haar slaat; blauwe plekken op haar arm.",
        string doorWie = "Juf Anouk van De Klimop", string? datum = null, Guid[]? personen = null) =>
        client.PostAsJsonAsync($"{Base(household)}/signals", new { wat, doorWie, datum, personen = personen ?? [] });

    /// <summary>Opens a track with signals (the caller may read it) and answers its id.</summary>
    public static async Task<Guid> OpenAsync(HttpClient client, Guid household, string? datum = null, Guid[]? personen = null) =>
        (await OkAsync(await SignalsAsync(client, household, datum: datum, personen: personen))).GetProperty("trajectId").GetGuid();

    public static Task<HttpResponseMessage> ConsultAsync(HttpClient client, Guid household, Guid track, int versie, string met = "Aandachtsfunctionaris",
        string naam = "Sanne Jansen", string advies = "Eerst met moeder in gesprek, daarna wegen.", string? datum = null) =>
        client.PostAsJsonAsync($"{Base(household)}/{track}/consultations", new { met, naam, advies, datum, versie });

    public static Task<HttpResponseMessage> ConverseAsync(HttpClient client, Guid household, Guid track, int versie, string gevoerd = "Ja", string? met = "Moeder",
        string verslag = "Moeder herkent de zorgen en wil hulp.", string? datum = null) =>
        client.PostAsJsonAsync($"{Base(household)}/{track}/conversations", new { gevoerd, met, verslag, datum, versie });

    /// <summary>Weighs with these answers ("Ja"/"Nee" per question, in order from 1), each with a reasoning.</summary>
    public static Task<HttpResponseMessage> WeighAsync(HttpClient client, Guid household, Guid track, int versie, params string[] answers) =>
        client.PostAsJsonAsync($"{Base(household)}/{track}/weighings", new
        {
            afweging = answers.Select((a, i) => (Key: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), a)).ToDictionary(x => x.Key, x => x.a),
            onderbouwing = answers.Select((a, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToDictionary(k => k, k => $"Onderbouwing bij afweging {k}."),
            versie,
        });

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid household, Guid track, object body) =>
        client.PostAsJsonAsync($"{Base(household)}/{track}/decision", body);

    public static Task<HttpResponseMessage> CorrectAsync(HttpClient client, Guid household, Guid track, Guid entry, object body) =>
        client.PostAsJsonAsync($"{Base(household)}/{track}/entries/{entry}/corrections", body);

    /// <summary>Signals, a consultation and a conversation: the track waits for the weighing, at version 3.</summary>
    public static async Task<Guid> ReadyToWeighAsync(HttpClient client, Guid household)
    {
        var track = await OpenAsync(client, household);
        Assert.Equal(2, await VersionAsync(await ConsultAsync(client, household, track, 1)));
        Assert.Equal(3, await VersionAsync(await ConverseAsync(client, household, track, 2)));
        return track;
    }

    public static async Task<JsonElement> TrackAsync(HttpClient client, Guid household, Guid track) =>
        await OkAsync(await client.GetAsync($"{Base(household)}/{track}"));

    public static async Task<int> VersionAsync(HttpResponseMessage response) => (await OkAsync(response)).GetProperty("versie").GetInt32();

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The problem's code and the field of its first error, after checking the status and that it is problem+json.</summary>
    public static async Task<(string Code, string Field)> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        var errors = problem.GetProperty("errors");
        return (problem.GetProperty("code").GetString()!, errors.GetArrayLength() == 0 ? "" : errors[0].GetProperty("field").GetString()!);
    }

    /// <summary>The entries of a track as (step, text), in the order the API answers them.</summary>
    public static IReadOnlyList<(string Stap, string Tekst)> Entries(JsonElement track) =>
        track.GetProperty("vastleggingen").EnumerateArray().Select(e => (e.GetProperty("stap").GetString()!, e.GetProperty("tekst").GetString()!)).ToList();
}
