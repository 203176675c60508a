// Draws the budget charts described in data-budget-chart attributes (JSON): no inline script under the
// content security policy. Every chart stands next to a table with the same figures.
(() => {
  const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
  const colours = { toegezegd: "#e8751a", betaald: "#1f5fa8", vrij: "#8bc34a" };

  function stacked(canvas, spec) {
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: [
          { label: "Betaald", data: spec.betaald, backgroundColor: colours.betaald },
          { label: "Toegezegd, nog niet betaald", data: spec.toegezegd, backgroundColor: colours.toegezegd },
          { label: "Vrij", data: spec.vrij, backgroundColor: colours.vrij },
        ],
      },
      options: {
        indexAxis: "y",
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked: true, ticks: { callback: (v) => euro.format(v) } }, y: { stacked: true } },
        plugins: { legend: { position: "bottom" }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${euro.format(c.raw)}` } } },
      },
    });
  }

  function draw(root) {
    root.querySelectorAll("canvas[data-budget-chart]").forEach((canvas) => {
      if (typeof Chart === "undefined" || Chart.getChart(canvas)) return;
      stacked(canvas, JSON.parse(canvas.dataset.budgetChart));
    });
  }

  document.addEventListener("DOMContentLoaded", () => draw(document));
})();
