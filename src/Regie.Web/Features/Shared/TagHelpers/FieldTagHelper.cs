using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Regie.Web.Features.Shared.TagHelpers;

/// <summary>
/// An NL Design System form field: label, optional hint, the error next to the field, and the
/// input wired to both through aria-describedby. Every form in Regie uses this, so accessibility
/// is done once.
/// </summary>
[HtmlTargetElement("regie-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }
    /// <summary>An Utrecht size modifier: postal-code-nl, house-number, house-letter, house-addition, voorvoegsel, tel-nl.</summary>
    public string? Size { get; set; }
    public bool Required { get; set; }
    public bool Autofocus { get; set; }
    /// <summary>Options turn the field into a select.</summary>
    public IEnumerable<SelectListItem>? Options { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    /// <summary>
    /// A field bound to a dictionary entry (a score per domain, an outcome per goal) reads the entry through its
    /// indexer, which throws while the entry does not exist yet: such a field simply starts empty.
    /// </summary>
    private string? ModelValue()
    {
        try { return For.Model?.ToString(); }
        catch (KeyNotFoundException) { return null; }
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var value = state?.AttemptedValue ?? ModelValue();
        var invalid = errors.Count > 0;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-form-field utrecht-form-field--distanced" + (invalid ? " utrecht-form-field--invalid" : ""));

        var label = new TagBuilder("label");
        label.AddCssClass("utrecht-form-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        if (!Required) label.InnerHtml.AppendHtml(" <span class=\"regie-optional\">(niet verplicht)</span>");
        output.Content.AppendHtml("<div class=\"utrecht-form-field__label\">").AppendHtml(label).AppendHtml("</div>");

        var describedBy = new List<string>();
        if (Hint is not null)
        {
            var hint = new TagBuilder("div");
            hint.AddCssClass("utrecht-form-field__description utrecht-form-field-description");
            hint.Attributes["id"] = id + "-hint";
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
            describedBy.Add(id + "-hint");
        }
        if (invalid)
        {
            var error = new TagBuilder("div");
            error.AddCssClass("utrecht-form-field__error-message utrecht-form-field-error-message");
            error.Attributes["id"] = id + "-error";
            error.InnerHtml.Append(string.Join(" ", errors));
            output.Content.AppendHtml(error);
            describedBy.Add(id + "-error");
        }

        var input = Options is null ? BuildInput(name, id, value, invalid) : BuildSelect(name, id, value, invalid);
        if (describedBy.Count > 0) input.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        if (invalid) input.Attributes["aria-invalid"] = "true";
        if (Required) input.Attributes["required"] = "required";
        if (Autofocus) input.Attributes["autofocus"] = "autofocus";
        output.Content.AppendHtml("<div class=\"utrecht-form-field__input\">").AppendHtml(input).AppendHtml("</div>");
    }

    private TagBuilder BuildInput(string name, string id, string? value, bool invalid)
    {
        if (Type == "textarea")
        {
            // Longer texts (what was seen or heard, a report): a textarea, the typed text kept after a refusal.
            var area = new TagBuilder("textarea");
            area.AddCssClass("utrecht-textarea utrecht-textarea--html-textarea" + (invalid ? " utrecht-textarea--invalid" : ""));
            area.Attributes["id"] = id;
            area.Attributes["name"] = name;
            area.Attributes["rows"] = "4";
            area.InnerHtml.Append(value ?? "");
            return area;
        }
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("utrecht-textbox utrecht-textbox--html-input" + (invalid ? " utrecht-textbox--invalid" : "") + (Size is null ? "" : $" utrecht-textbox--{Size}-size"));
        input.Attributes["type"] = Type;
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        if (Type != "password" && value is not null) input.Attributes["value"] = value;
        input.Attributes["autocomplete"] = Autocomplete ?? "off";
        if (Inputmode is not null) input.Attributes["inputmode"] = Inputmode;
        return input;
    }

    private TagBuilder BuildSelect(string name, string id, string? value, bool invalid)
    {
        var select = new TagBuilder("select");
        select.AddCssClass("utrecht-select utrecht-select--html-select" + (invalid ? " utrecht-select--invalid" : ""));
        select.Attributes["id"] = id;
        select.Attributes["name"] = name;
        foreach (var o in Options!)
        {
            var option = new TagBuilder("option");
            option.Attributes["value"] = o.Value;
            if (string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase)) option.Attributes["selected"] = "selected";
            option.InnerHtml.Append(o.Text);
            select.InnerHtml.AppendHtml(option);
        }
        return select;
    }
}
