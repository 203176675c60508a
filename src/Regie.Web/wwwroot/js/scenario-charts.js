// The scenario charts, drawn from data-scenario-chart attributes (no inline script under the content security policy).
// Every chart has a table with the same figures next to it.
(() => {
  const colours = ["#24578f", "#2e7d32", "#e8751a", "#7b3fa0", "#b3261e", "#545454"];
  const nl = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

  function interval(canvas, spec) {
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: [
          { type: "bar", label: "80 %-interval", data: spec.low.map((l, i) => [l, spec.high[i]]), backgroundColor: spec.labels.map((_, i) => colours[i % colours.length] + "99") },
          { type: "scatter", label: "Gemiddelde", data: spec.mean.map((m, i) => ({ x: m, y: spec.labels[i] })), backgroundColor: "#000", pointStyle: "line", pointRadius: 12, rotation: 90 },
        ],
      },
      options: {
        indexAxis: "y", animation: false, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } },
        scales: { x: { title: { display: true, text: spec.unit }, ticks: { callback: (v) => nl.format(v) } } },
      },
    });
  }

  function tornado(canvas, spec) {
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: [
          { label: "Aanname op ondergrens", data: spec.low.map((l) => [spec.baseline, l]), backgroundColor: "#24578f" },
          { label: "Aanname op bovengrens", data: spec.high.map((h) => [spec.baseline, h]), backgroundColor: "#e8751a" },
        ],
      },
      options: {
        indexAxis: "y", animation: false, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } },
        scales: { x: { title: { display: true, text: spec.unit }, ticks: { callback: (v) => nl.format(v) } }, y: { stacked: true } },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("canvas[data-scenario-chart]").forEach((canvas) => {
      if (typeof Chart === "undefined" || Chart.getChart(canvas)) return;
      const spec = JSON.parse(canvas.dataset.scenarioChart);
      if (spec.kind === "interval") interval(canvas, spec);
      else if (spec.kind === "tornado") tornado(canvas, spec);
    });
  });
})();
