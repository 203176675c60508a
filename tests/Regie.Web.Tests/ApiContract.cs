using NJsonSchema;
using NJsonSchema.Validation;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Regie.Web.Tests;

/// <summary>
/// The OpenAPI document as the contract an integrator reads: finds an operation by method and path or by
/// operationId, and checks a body against the schema the document gives for it. References to
/// <c>#/components/schemas/X</c> become <c>#/definitions/X</c> of one JSON Schema, which NJsonSchema resolves;
/// OpenAPI 3.1 writes nullable types as type arrays (<c>["null", "string"]</c>), which NJsonSchema reads as they are.
/// Checks are strict: an object with documented properties takes no others, so a field the API sends but the
/// document does not show fails like a missing one.
/// </summary>
public sealed partial class ApiContract
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    private static readonly ConditionalWeakTable<TestApp, Task<ApiContract>> Loaded = new();

    private readonly List<(Regex Pattern, int Literals, string Template)> _templates = [];
    private readonly Dictionary<string, string> _schemaKeys = new(StringComparer.Ordinal);
    private readonly Lazy<JsonSchema> _root;

    public ApiContract(string documentJson)
    {
        Document = JsonNode.Parse(documentJson)!.AsObject();
        var definitions = new JsonObject();
        foreach (var (name, schema) in Document["components"]?["schemas"]?.AsObject() ?? [])
            definitions[name] = Rewrite(schema!.DeepClone());

        foreach (var (template, item) in Document["paths"]!.AsObject())
        {
            var literals = template.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{'));
            var pattern = "^" + string.Join("/", template.Split('/').Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "/?$";
            _templates.Add((new Regex(pattern, RegexOptions.CultureInvariant), literals, template));
            foreach (var (method, op) in item!.AsObject().Where(o => Methods.Contains(o.Key)))
            {
                foreach (var (status, response) in op!["responses"]?.AsObject() ?? [])
                    foreach (var (media, content) in response!["content"]?.AsObject() ?? [])
                        if (content!["schema"] is { } schema)
                            definitions[Key(_schemaKeys, $"{method.ToUpperInvariant()} {template} {status} {media}")] = Rewrite(schema.DeepClone());
                foreach (var (media, content) in op["requestBody"]?["content"]?.AsObject() ?? [])
                    if (content!["schema"] is { } schema)
                        definitions[Key(_schemaKeys, $"{method.ToUpperInvariant()} {template} request {media}")] = Rewrite(schema.DeepClone());
            }
        }
        // Most literal segments first: /budgets/report before /budgets/{id}.
        _templates.Sort((a, b) => b.Literals.CompareTo(a.Literals));
        var root = new JsonObject { ["definitions"] = definitions };
        _root = new Lazy<JsonSchema>(() => JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult());

        static string Key(Dictionary<string, string> keys, string what) => keys[what] = "answer" + keys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public JsonObject Document { get; }

    /// <summary>The document of a running Regie, read once per app.</summary>
    public static Task<ApiContract> OfAsync(TestApp app) => Loaded.GetValue(app, async a =>
    {
        using var client = a.AnonymousClient();
        return new ApiContract(await client.GetStringAsync("/openapi/v1.json"));
    });

    /// <summary>The operation a call reaches: its method, path template and operation object, or null when the document has none.</summary>
    public (string Method, string Template, JsonObject Operation)? Find(string method, string path)
    {
        var verb = method.ToLowerInvariant();
        foreach (var (pattern, _, template) in _templates)
            if (pattern.IsMatch(path) && Document["paths"]![template]![verb] is JsonObject op)
                return (method.ToUpperInvariant(), template, op);
        return null;
    }

    /// <summary>The operation with this operationId: what an integrator looks up in the reference.</summary>
    public (string Method, string Template, JsonObject Operation) Operation(string operationId)
    {
        foreach (var (template, item) in Document["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject().Where(o => Methods.Contains(o.Key)))
                if ((string?)op!["operationId"] == operationId) return (method.ToUpperInvariant(), template, op.AsObject());
        throw new Xunit.Sdk.XunitException($"The document has no operation '{operationId}'.");
    }

    /// <summary>A named schema of the components, with its references followed.</summary>
    public JsonObject Component(string name) =>
        Document["components"]?["schemas"]?[name]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"The document has no schema '{name}'.");

    /// <summary>What a schema node stands for: the component a <c>$ref</c> names, or the node itself.</summary>
    public JsonObject Resolve(JsonNode schema) =>
        schema["$ref"] is { } r ? Component(((string)r!)["#/components/schemas/".Length..]) : schema.AsObject();

    /// <summary>The differences between a request body and the documented request schema of an operation (empty when it fits).</summary>
    public IReadOnlyList<string> CheckRequest(string method, string template, string json, string media = "application/json") =>
        _schemaKeys.TryGetValue($"{method} {template} request {media}", out var key)
            ? Describe(_root.Value.Definitions[key].Validate(json))
            : [$"{method} {template} documents no {media} request body"];

    /// <summary>
    /// Everything in which an answer of the API differs from the document; empty when it keeps to it. Answers outside
    /// /api/v1 are not the document's business.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(HttpResponseMessage response)
    {
        var request = response.RequestMessage ?? throw new InvalidOperationException("The answer names no request.");
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/v1/", StringComparison.Ordinal)) return [];
        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsStringAsync();
        return Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    public IReadOnlyList<string> Check(string method, string path, int status, string? media, string body)
    {
        if (Find(method, path) is not var (verb, template, op)) return [$"{method} {path}: no operation in the document"];
        var name = $"{(string?)op["operationId"] ?? "?"} ({verb} {template}) {status}";
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = op["responses"]?[code] ?? op["responses"]?["default"];
        if (response is null) return [$"undocumented status: {name}"];
        var documented = response["content"]?.AsObject();
        if (body.Length == 0)
            return documented is { Count: > 0 } && status != 204 ? [$"no body: {name} documents {string.Join(", ", documented.Select(c => c.Key))} but answered none"] : [];
        var json = media is not null && (media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal));
        if (documented is null || documented.Count == 0 || documented.All(c => c.Value?["schema"] is null))
            return json ? [$"undocumented answer: {name} {media}"] : [];
        if (media is null || !documented.ContainsKey(media))
            return [$"undocumented content type: {name} answered {media ?? "no content type"}, documented {string.Join(", ", documented.Select(c => c.Key))}"];
        if (!json) return [];
        if (!_schemaKeys.TryGetValue($"{verb} {template} {code} {media}", out var key)
            && !_schemaKeys.TryGetValue($"{verb} {template} default {media}", out key))
            return [$"undocumented answer: {name} {media}"];
        var errors = Describe(_root.Value.Definitions[key].Validate(body));
        return errors.Count == 0 ? [] : [$"answer differs from the document: {name}: {string.Join("; ", errors)} — body {Shorten(body)}"];
    }

    private static string Shorten(string body) => body.Length <= 600 ? body : body[..600] + "…";

    private static List<string> Describe(IEnumerable<ValidationError> errors)
    {
        var lines = new List<string>();
        foreach (var e in errors)
        {
            if (e is MultiTypeValidationError multi)
                lines.Add($"{e.Kind} at {Where(e)} ({string.Join(" | ", multi.Errors.Select(c => $"{c.Key}: {string.Join(", ", Describe(c.Value))}"))})");
            else if (e is ChildSchemaValidationError child)
                lines.Add($"{e.Kind} at {Where(e)} ({string.Join(" | ", child.Errors.Select(c => string.Join(", ", Describe(c.Value))))})");
            else lines.Add($"{e.Kind} at {Where(e)}");
        }
        return lines;

        static string Where(ValidationError e) => string.IsNullOrEmpty(e.Path) ? "#" : e.Path;
    }

    /// <summary>
    /// A schema as NJsonSchema reads it: references into the components become references into the definitions, and
    /// an object that lists its properties takes no others (unless it says what else it takes).
    /// </summary>
    private static JsonNode Rewrite(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue r && ((string?)r)?.StartsWith("#/components/schemas/", StringComparison.Ordinal) == true)
                    o["$ref"] = "#/definitions/" + ((string)r!)["#/components/schemas/".Length..];
                foreach (var (key, child) in o.ToList())
                    if (child is not null && key is not ("example" or "examples" or "enum" or "default" or "const")) Rewrite(child);
                if (o["properties"] is JsonObject { Count: > 0 } && !o.ContainsKey("additionalProperties")) o["additionalProperties"] = false;
                break;
            case JsonArray a:
                foreach (var child in a) if (child is not null) Rewrite(child);
                break;
        }
        return node;
    }
}

/// <summary>
/// Checks every answer to an /api/v1 call against the document as it passes, and keeps what differs. A test
/// ends with <see cref="AssertKeptTheContract"/>; a step that fails can show <see cref="Violations"/> too.
/// </summary>
public sealed class ContractHandler(ApiContract contract) : DelegatingHandler(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })
{
    private readonly ConcurrentQueue<string> _violations = new();

    public IReadOnlyList<string> Violations => _violations.ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        foreach (var v in await contract.CheckAsync(response)) _violations.Enqueue(v);
        return response;
    }

    public void AssertKeptTheContract()
    {
        var all = Violations.Distinct().ToList();
        Assert.True(all.Count == 0, $"{all.Count} answer(s) differ from the OpenAPI document:\n" + string.Join("\n", all));
    }

    /// <summary>A client of <paramref name="app"/> whose answers are checked against its document; with an API key when given.</summary>
    public static async Task<(HttpClient Client, ContractHandler Contract)> ClientAsync(TestApp app, string? apiKey = null)
    {
        var handler = new ContractHandler(await ApiContract.OfAsync(app));
        var client = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        if (apiKey is not null) client.DefaultRequestHeaders.Add(Features.ApiKeys.ApiKeyDefaults.Header, apiKey);
        return (client, handler);
    }
}
