// Draws the charts described in data-chart attributes (JSON), so pages need no inline script under
// the content security policy. Charts add a picture to a table that is always on the page too.
(() => {
  const zrmColours = { 1: "#b3261e", 2: "#e8751a", 3: "#f2c037", 4: "#8bc34a", 5: "#2e7d32" };
  const scaleLabels = { 1: "1 acuut", 2: "2 niet zelfredzaam", 3: "3 beperkt", 4: "4 voldoende", 5: "5 volledig" };

  function zrmChart(canvas, spec) {
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: [
          { label: "Eerste meting", data: spec.first, backgroundColor: "#c8c8c8", borderColor: "#545454", borderWidth: 1 },
          { label: "Nu", data: spec.latest, backgroundColor: spec.latest.map((v) => zrmColours[v] || "#c8c8c8"), borderColor: "#2b2b2b", borderWidth: 1 },
        ],
      },
      options: {
        indexAxis: "y",
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { min: 0, max: 5, ticks: { stepSize: 1, callback: (v) => scaleLabels[v] || "" } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function draw(root) {
    root.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
      if (typeof Chart === "undefined" || Chart.getChart(canvas)) return;
      const spec = JSON.parse(canvas.dataset.chart);
      if (spec.kind === "zrm") zrmChart(canvas, spec);
    });
  }

  document.addEventListener("DOMContentLoaded", () => draw(document));
  document.addEventListener("htmx:afterSwap", (e) => draw(e.target));
})();
