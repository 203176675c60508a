using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Regie.Web.Tests;

/// <summary>
/// Every operation that changes something, fed bodies built from its own schema in the OpenAPI document and then
/// broken one way at a time (wrong types, nulls, boundaries, oversized strings, deep nesting, impossible dates,
/// invalid UTF-8): each answer is a 4xx application/problem+json, never a 5xx, and the database is unchanged.
/// </summary>
public sealed class ApiContractTests(AccessFixture fixture, ITestOutputHelper output) : IClassFixture<AccessFixture>
{
    private static readonly string[] WriteMethods = ["post", "put", "patch", "delete"];
    private JsonElement _components;

    private sealed record Case(string Name, HttpContent Content);

    [Fact]
    public async Task Malformed_bodies_are_refused_with_a_problem_and_change_nothing()
    {
        var started = DateTime.UtcNow;
        using var anonymous = fixture.App.AnonymousClient();
        var doc = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        _components = doc.GetProperty("components").GetProperty("schemas");
        var clients = new List<HttpClient>();
        foreach (var login in DemoSeeder.Logins.DistinctBy(l => l.Role))
            clients.Add(await fixture.App.SignedInClientAsync(login.Email));
        // Administration asks for two-factor sign-in.
        clients.Add((await fixture.App.SignedInWithTwoFactorAsync(Infrastructure.Roles.Beheerder)).Client);

        // A plan and an open trajectory, so that the plan's and the trajectory's operations reach their handlers.
        using (var regisseur = await fixture.App.SignedInClientAsync())
        {
            using var plan = await regisseur.PostAsync($"/api/v1/households/{fixture.NoordHousehold}/plan", null);
            Assert.True(plan.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)plan.StatusCode}");
        }

        var before = await ChecksumAsync();
        var failures = new List<string>();
        var requests = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            // An operation without a body (start a plan, renew an involvement) has no schema to break: any body is ignored.
            foreach (var op in path.Value.EnumerateObject().Where(o => WriteMethods.Contains(o.Name) && o.Value.TryGetProperty("requestBody", out _)))
            {
                var method = new HttpMethod(op.Name.ToUpperInvariant());
                var url = Url(path.Name);
                var client = await ClientThatMayAsync(clients, method, url);
                if (client is null) { failures.Add($"{method} {path.Name}: no demo role gets past authorisation"); continue; }
                foreach (var c in Cases(op.Value))
                {
                    using var request = new HttpRequestMessage(method, url) { Content = c.Content };
                    using var response = await client.SendAsync(request);
                    requests++;
                    var status = (int)response.StatusCode;
                    var type = response.Content.Headers.ContentType?.MediaType;
                    var body = await response.Content.ReadAsStringAsync();
                    var ok = status is >= 400 and < 500 && type == "application/problem+json" && body.Contains("\"status\"", StringComparison.Ordinal);
                    if (!ok) failures.Add($"{method} {path.Name} | {c.Name}: {status} {type} {Shorten(body)}");
                }
            }
        var after = await ChecksumAsync();

        output.WriteLine($"{requests} requests in {(DateTime.UtcNow - started).TotalSeconds:0}s");
        foreach (var table in before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)))
            failures.Add($"table {table} changed");
        Assert.True(requests > 500, $"only {requests} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures));
    }

    private string Url(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template
                .Replace("{id}", (template.StartsWith("/api/v1/persons", StringComparison.Ordinal) ? fixture.NoordPerson : fixture.NoordHousehold).ToString())
                .Replace("{personId}", fixture.NoordPerson.ToString())
                .Replace("{number}", "1").Replace("{bsn}", "123456782"),
            @"\{\w+\}", Guid.NewGuid().ToString());

    /// <summary>The first demo role that is not refused at the door: the malformed body must reach the API itself.</summary>
    private static async Task<HttpClient?> ClientThatMayAsync(List<HttpClient> clients, HttpMethod method, string url)
    {
        foreach (var client in clients)
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent("[]", Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request);
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)) return client;
        }
        return null;
    }

    private IEnumerable<Case> Cases(JsonElement operation)
    {
        // Whatever the operation takes, these bodies are never valid.
        yield return Json("body null", "null");
        yield return Json("body array", "[]");
        yield return Json("body string", "\"x\"");
        yield return Json("body number", "42");
        yield return Json("body truncated", "{\"a\":");
        yield return Json("body empty", "");
        yield return Json("body nested 5000 deep", new string('[', 5000) + new string(']', 5000));
        yield return new Case("body not json", new StringContent("a=1", Encoding.UTF8, "text/plain"));
        var requestBody = operation.GetProperty("requestBody");
        // A file upload takes a multipart form: broken forms instead of broken JSON.
        if (!requestBody.GetProperty("content").TryGetProperty("application/json", out _))
        {
            yield return new Case("multipart without boundary", new StringContent("x", Encoding.UTF8, "multipart/form-data"));
            var cut = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"a.pdf\"\r\n\r\n%PDF-"));
            cut.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
            yield return new Case("multipart cut off", cut);
            yield break;
        }
        var schema = Resolve(requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        if (!schema.TryGetProperty("properties", out var properties)) yield break;

        var valid = (JsonObject)Plausible(schema, 0)!;
        yield return new Case("invalid UTF-8", Bytes(InvalidUtf8(valid)));
        foreach (var property in properties.EnumerateObject())
        {
            var propertySchema = Resolve(property.Value);
            foreach (var (name, value) in Broken(property.Name, propertySchema))
            {
                var body = (JsonObject)valid.DeepClone();
                body[property.Name] = Placeholder;
                yield return Json($"{property.Name} {name}", body.ToJsonString().Replace($"\"{Placeholder}\"", value, StringComparison.Ordinal));
            }
        }
    }

    private const string Placeholder = "__kapot__";

    /// <summary>Values (as JSON text: some nest deeper than a JSON node may) that no property of this schema accepts.</summary>
    private static IEnumerable<(string Name, string Value)> Broken(string name, JsonElement schema)
    {
        var types = Types(schema);
        if (!types.Contains("null")) yield return ("null", "null");
        if (types.Contains("string"))
        {
            yield return ("number for text", "12345");
            yield return ("object for text", "{\"a\":1}");
            yield return ("100000 characters", "\"" + new string('x', 100_000) + "\"");
            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            if (format == "uuid") yield return ("not a uuid", "\"geen-id\"");
            if (format is "date" or "date-time" || name.Contains("datum", StringComparison.OrdinalIgnoreCase))
            {
                yield return ("30 February", "\"2023-02-30\"");
                yield return ("month 13", "\"31-13-2023\"");
                yield return ("year 0", "\"0000-01-01\"");
            }
            if (schema.TryGetProperty("enum", out _)) yield return ("unknown value", "\"bestaat-niet\"");
        }
        if (types.Contains("integer"))
        {
            yield return ("text for number", "\"abc\"");
            yield return ("beyond int32", "2147483648");
            yield return ("below int32", "-2147483649");
            yield return ("fraction for integer", "1.5");
        }
        if (types.Contains("number"))
        {
            yield return ("text for number", "\"abc\"");
            yield return ("beyond decimal", "1e400");
        }
        if (types.Contains("boolean")) yield return ("text for boolean", "\"ja\"");
        if (types.Contains("array"))
        {
            yield return ("object for list", "{\"a\":1}");
            yield return ("nested 200 deep", new string('[', 200) + new string(']', 200));
        }
        if (types.Contains("object"))
        {
            yield return ("number for object", "7");
            yield return ("nested 200 deep", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200));
        }
    }

    private static HashSet<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return [];
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet() : [type.GetString()!];
    }

    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return _components.GetProperty(reference.GetString()!.Split('/')[^1]);
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            return Resolve(oneOf.EnumerateArray().First(s => !Types(s).SetEquals(["null"])));
        return schema;
    }

    /// <summary>A value that fits the schema's shape, so that each broken value is the only thing wrong.</summary>
    private JsonNode? Plausible(JsonElement schema, int depth)
    {
        schema = Resolve(schema);
        var types = Types(schema);
        if (schema.TryGetProperty("enum", out var values)) return JsonNode.Parse(values.EnumerateArray().First().GetRawText());
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var o = new JsonObject();
            if (depth < 4 && schema.TryGetProperty("properties", out var properties))
                foreach (var p in properties.EnumerateObject()) o[p.Name] = Plausible(p.Value, depth + 1);
            return o;
        }
        if (types.Contains("array")) return depth < 4 && schema.TryGetProperty("items", out var items) ? new JsonArray(Plausible(items, depth + 1)) : new JsonArray();
        if (types.Contains("integer")) return JsonValue.Create(1);
        if (types.Contains("number")) return JsonValue.Create(1.0);
        if (types.Contains("boolean")) return JsonValue.Create(true);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format switch
        {
            "uuid" => JsonValue.Create(Guid.NewGuid()),
            "date" => JsonValue.Create("2025-06-02"),
            "date-time" => JsonValue.Create("2025-06-02T10:00:00Z"),
            _ => JsonValue.Create("Test"),
        };
    }

    /// <summary>The plausible body with bytes that are not UTF-8 inside its first text, or as the whole body.</summary>
    private static byte[] InvalidUtf8(JsonObject valid)
    {
        var text = valid.ToJsonString();
        var at = text.IndexOf("\"Test\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        if (at < 0) return [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        var index = Encoding.UTF8.GetByteCount(text[..(at + 1)]);
        bytes.InsertRange(index, [0xC3, 0x28, 0xFF]);
        return [.. bytes];
    }

    private static Case Json(string name, string body) => new(name, new StringContent(body, Encoding.UTF8, "application/json"));

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "…" : body;

    /// <summary>Per table, a hash over all its rows (order-independent). The audit trail may record refusals; it is left out.</summary>
    private async Task<Dictionary<string, string>> ChecksumAsync()
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct()
            .Where(t => !t.Contains("Audit", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "∅" : reader.GetValue(i);
                    row.Append(value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
                rows.Add(row.ToString());
            }
            rows.Sort(StringComparer.Ordinal);
            result[table] = rows.Count + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))));
        }
        return result;
    }
}
