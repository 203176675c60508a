namespace Regie.Web.Tests;

/// <summary>
/// The check that holds answers to the OpenAPI document, on a small document of its own: it must pass what the
/// document allows and name what it does not, or the tests that use it prove nothing.
/// </summary>
public sealed class ApiContractCheckTests
{
    private const string Document = """
        {
          "openapi": "3.1.1",
          "paths": {
            "/api/v1/things/{id}": {
              "get": {
                "operationId": "GetThing",
                "responses": {
                  "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                  "204": { "description": "Nothing" },
                  "404": { "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
                }
              }
            },
            "/api/v1/things/report": {
              "get": { "operationId": "GetReport", "responses": { "200": { "description": "No schema" } } }
            },
            "/api/v1/things": {
              "post": {
                "operationId": "CreateThing",
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ThingInput" } } } },
                "responses": { "201": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Thing": {
                "type": "object",
                "required": ["id", "naam", "versie", "toelichting"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "naam": { "type": "string" },
                  "toelichting": { "type": ["null", "string"] },
                  "versie": { "type": ["integer", "string"], "pattern": "^-?(?:0|[1-9]\\d*)$", "format": "int32" },
                  "eigenaar": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/Owner" }] },
                  "soort": { "enum": ["a", "b", null], "type": ["null", "string"] },
                  "datum": { "type": "string", "format": "date" },
                  "op": { "type": ["null", "string"], "format": "date-time" }
                }
              },
              "Owner": { "type": "object", "required": ["naam"], "properties": { "naam": { "type": "string" } } },
              "ThingInput": { "type": "object", "required": ["naam"], "properties": { "naam": { "type": "string" }, "soort": { "enum": ["a", "b"], "type": "string" } } },
              "Problem": { "type": "object", "required": ["status"], "properties": { "status": { "type": "integer" }, "title": { "type": "string" } } }
            }
          }
        }
        """;

    private static readonly ApiContract Contract = new(Document);
    private const string Id = "0199a0b0-1111-7222-8333-444455556666";

    private static IReadOnlyList<string> Get(string body, int status = 200, string media = "application/json", string path = $"/api/v1/things/{Id}") =>
        Contract.Check("GET", path, status, media, body);

    [Fact]
    public void An_answer_as_documented_passes_with_nulls_where_the_type_array_allows_them()
    {
        Assert.Empty(Get($$"""{"id":"{{Id}}","naam":"Stoel","toelichting":null,"versie":3,"eigenaar":null,"soort":null}"""));
        Assert.Empty(Get($$"""{"id":"{{Id}}","naam":"Stoel","toelichting":"oud","versie":"3","eigenaar":{"naam":"Sanne"},"soort":"b","datum":"2026-09-01","op":"2025-12-06T10:15:00.1234567Z"}"""));
        // Dates as System.Text.Json writes them: DateOnly, and DateTime with and without its offset.
        Assert.Empty(Get($$"""{"id":"{{Id}}","naam":"Stoel","toelichting":null,"versie":1,"op":"2025-12-06T10:15:00.1234567"}"""));
        Assert.Empty(Get($$"""{"id":"{{Id}}","naam":"Stoel","toelichting":null,"versie":1,"op":"2025-12-06T10:15:00+01:00"}"""));
        Assert.Empty(Get("""{"status":404,"title":"Niet gevonden"}""", 404, "application/problem+json"));
        Assert.Empty(Get("", 204, "application/json"));
    }

    [Theory]
    [InlineData("""{"id":"x","naam":"Stoel","toelichting":null,"versie":3}""", "UuidExpected at #/id")]
    [InlineData("""{"id":"0199a0b0-1111-7222-8333-444455556666","naam":null,"toelichting":null,"versie":3}""", "StringExpected at #/naam")]
    [InlineData("""{"id":"0199a0b0-1111-7222-8333-444455556666","naam":"Stoel","toelichting":5,"versie":3}""", "NoTypeValidates at #/toelichting")]
    [InlineData("""{"id":"0199a0b0-1111-7222-8333-444455556666","naam":"Stoel","toelichting":null,"versie":"drie"}""", "PatternMismatch at #/versie")]
    [InlineData("""{"id":"0199a0b0-1111-7222-8333-444455556666","naam":"Stoel","toelichting":null}""", "PropertyRequired at #/versie")]
    [InlineData("""{"id":"0199a0b0-1111-7222-8333-444455556666","naam":"Stoel","toelichting":null,"versie":3,"geheim":"x"}""", "NoAdditionalPropertiesAllowed at #/geheim")]
    [InlineData("""{"id":"0199a0b0-1111-7222-8333-444455556666","naam":"Stoel","toelichting":null,"versie":3,"eigenaar":{}}""", "NotOneOf at #/eigenaar")]
    [InlineData("""{"id":"0199a0b0-1111-7222-8333-444455556666","naam":"Stoel","toelichting":null,"versie":3,"soort":"c"}""", "NotInEnumeration at #/soort")]
    [InlineData("""{"id":"0199a0b0-1111-7222-8333-444455556666","naam":"Stoel","toelichting":null,"versie":3,"datum":"01-09-2026"}""", "DateExpected at #/datum")]
    public void An_answer_that_differs_from_the_document_is_named_with_what_differs(string body, string kind)
    {
        var found = Assert.Single(Get(body));
        Assert.StartsWith("answer differs from the document: GetThing (GET /api/v1/things/{id}) 200: ", found);
        Assert.True(found.Contains(kind, StringComparison.Ordinal), found);
    }

    [Fact]
    public void A_json_answer_whose_status_documents_no_schema_is_undocumented()
    {
        Assert.Equal(["undocumented answer: GetReport (GET /api/v1/things/report) 200 application/json"], Get("""{"a":1}""", path: "/api/v1/things/report"));
        Assert.Equal(["undocumented status: GetThing (GET /api/v1/things/{id}) 409"], Get("""{"status":409}""", 409, "application/problem+json"));
        Assert.Equal(["undocumented content type: GetThing (GET /api/v1/things/{id}) 404 answered application/json, documented application/problem+json"],
            Get("""{"status":404}""", 404));
        Assert.Single(Get("""{"title":"zonder status"}""", 404, "application/problem+json"), e => e.Contains("PropertyRequired", StringComparison.Ordinal));
        Assert.Equal(["POST /api/v1/elders: no operation in the document"], Contract.Check("POST", "/api/v1/elders", 200, "application/json", "{}"));
    }

    [Fact]
    public void A_list_answer_checks_each_item_and_a_request_body_checks_names_and_required_fields()
    {
        Assert.Empty(Contract.Check("POST", "/api/v1/things", 201, "application/json", $$"""[{"id":"{{Id}}","naam":"A","toelichting":null,"versie":1}]"""));
        Assert.Contains("PropertyRequired", Assert.Single(Contract.Check("POST", "/api/v1/things", 201, "application/json", $$"""[{"id":"{{Id}}","naam":"A","toelichting":null,"versie":1},{"id":"{{Id}}"}]""")));

        Assert.Empty(Contract.CheckRequest("POST", "/api/v1/things", """{"naam":"Stoel","soort":"a"}"""));
        Assert.Equal(["PropertyRequired at #/naam"], Contract.CheckRequest("POST", "/api/v1/things", """{"soort":"a"}"""));
        Assert.Equal(["NoAdditionalPropertiesAllowed at #/kleur"], Contract.CheckRequest("POST", "/api/v1/things", """{"naam":"Stoel","kleur":"rood"}"""));
        Assert.Equal(["NotInEnumeration at #/soort"], Contract.CheckRequest("POST", "/api/v1/things", """{"naam":"Stoel","soort":"z"}"""));
    }

    [Fact]
    public void The_most_literal_path_template_wins()
    {
        Assert.Equal("/api/v1/things/report", Contract.Find("GET", "/api/v1/things/report")!.Value.Template);
        Assert.Equal("/api/v1/things/{id}", Contract.Find("get", $"/api/v1/things/{Id}")!.Value.Template);
        Assert.Null(Contract.Find("DELETE", $"/api/v1/things/{Id}"));
        Assert.Equal(("POST", "/api/v1/things"), (Contract.Operation("CreateThing").Method, Contract.Operation("CreateThing").Template));
    }
}
