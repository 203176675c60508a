using System.Globalization;
using System.Net;
using System.Text;

namespace Regie.Web.Features.Network;

/// <summary>
/// Draws the eco-map as inline SVG on the server: the household in the middle, the network (solid lines, round) and the
/// organisations involved (dashed lines, square) around it. No script; an image with a title and a description, and the
/// page shows the same as a table below it.
/// </summary>
public static class EcoMapSvg
{
    private const int Width = 760;
    private const int Height = 560;
    private const double CenterX = Width / 2.0;
    private const double CenterY = Height / 2.0;
    private const int HouseholdRadius = 88;

    public static string Render(EcoMap map)
    {
        var network = map.Partijen.Count(p => p.IsNetwerk);
        var organisations = map.Partijen.Count - network;
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<svg class=\"regie-ecomap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"ecogram-titel ecogram-omschrijving\">");
        s.Append("<title id=\"ecogram-titel\">Ecogram van ").Append(E(map.HouseholdNaam)).Append("</title>");
        s.Append("<desc id=\"ecogram-omschrijving\">").Append(E(Description(map, network, organisations))).Append("</desc>");
        var n = map.Partijen.Count;
        for (var i = 0; i < n; i++)
        {
            var p = map.Partijen[i];
            var angle = -Math.PI / 2 + 2 * Math.PI * i / Math.Max(n, 1);
            var (x, y) = Place(i, n, angle);
            // From the household's circle to the edge of the party's shape, never under a label: text over a line cannot be contrast-checked.
            var (dx, dy) = (x - CenterX, y - CenterY);
            var length = Math.Sqrt(dx * dx + dy * dy);
            var (ux, uy) = (dx / length, dy / length);
            var inset = p.IsNetwerk ? 1 / Math.Sqrt(ux * ux / (80.0 * 80) + uy * uy / (26.0 * 26)) : Math.Min(80 / Math.Max(Math.Abs(ux), 1e-9), 26 / Math.Max(Math.Abs(uy), 1e-9));
            var (x1, y1) = (CenterX + HouseholdRadius * ux, CenterY + HouseholdRadius * uy);
            var (x2, y2) = (x - inset * ux, y - inset * uy);
            s.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{(p.IsNetwerk ? "#2b6a3a" : "#39517a")}\" stroke-width=\"2\"{(p.IsNetwerk ? "" : " stroke-dasharray=\"6 4\"")} />");
        }
        s.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{CenterX}\" cy=\"{CenterY}\" r=\"{HouseholdRadius}\" fill=\"#fff4d6\" stroke=\"#7a5a00\" stroke-width=\"3\" />");
        var members = map.Leden.Take(5).Select(E).ToList();
        if (map.Leden.Count > 5) members.Add($"en nog {map.Leden.Count - 5}");
        s.Append(Label(CenterX - 62, CenterY - 62, 124, 124, "huishouden", E(map.HouseholdNaam), string.Join("<br />", members)));
        for (var i = 0; i < n; i++)
        {
            var p = map.Partijen[i];
            var angle = -Math.PI / 2 + 2 * Math.PI * i / Math.Max(n, 1);
            var (x, y) = Place(i, n, angle);
            s.Append(p.IsNetwerk
                ? string.Create(CultureInfo.InvariantCulture, $"<ellipse cx=\"{x:0.#}\" cy=\"{y:0.#}\" rx=\"80\" ry=\"26\" fill=\"#e3f1e6\" stroke=\"#2b6a3a\" stroke-width=\"2\" />")
                : string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x - 80:0.#}\" y=\"{y - 26:0.#}\" width=\"160\" height=\"52\" fill=\"#e6ecf5\" stroke=\"#39517a\" stroke-width=\"2\" stroke-dasharray=\"6 4\" />"));
            s.Append(Label(x - 66, y - 20, 132, 40, p.IsNetwerk ? "netwerk" : "organisatie", E(Short(p.Naam, 24)), E(Short(p.Soort, 26))));
        }
        s.Append("</svg>");
        return s.ToString();
    }

    /// <summary>
    /// Where party i of n stands: one ring while the labels fit on it; with more parties every other one moves to an inner
    /// ring, so neighbouring labels never overlap (overlapping text cannot be read or contrast-checked).
    /// </summary>
    private static (double X, double Y) Place(int i, int n, double angle)
    {
        var ring = n > 8 && i % 2 == 1 ? 0.62 : 1.0;
        return (CenterX + 270 * ring * Math.Cos(angle), CenterY + 205 * ring * Math.Sin(angle));
    }

    /// <summary>A label as HTML inside the drawing (foreignObject): read and contrast-checked as the page's other text.</summary>
    private static string Label(double x, double y, int width, int height, string kind, string name, string detail) =>
        string.Create(CultureInfo.InvariantCulture, $"<foreignObject x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width}\" height=\"{height}\">")
        + $"<div xmlns=\"http://www.w3.org/1999/xhtml\" class=\"regie-ecomap__label regie-ecomap__label--{kind}\"><strong>{name}</strong><span>{detail}</span></div></foreignObject>";

    private static string Description(EcoMap map, int network, int organisations) =>
        $"In het midden het huishouden {map.HouseholdNaam} met {map.Leden.Count} {(map.Leden.Count == 1 ? "lid" : "leden")}. "
        + $"Daaromheen {network} {(network == 1 ? "persoon" : "personen")} uit het netwerk (ovaal, doorgetrokken lijn) en "
        + $"{organisations} betrokken {(organisations == 1 ? "organisatie of team" : "organisaties en teams")} (rechthoek, gestippelde lijn). "
        + "De tabel onder het ecogram geeft hetzelfde weer.";

    private static string Short(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
