// The monitor's charts, drawn from data-monitor-chart attributes (no inline script under the content
// security policy). Every chart has a table with the same figures next to it; withheld figures are gaps.
(() => {
  const colours = ["#24578f", "#2e7d32", "#e8751a", "#7b3fa0", "#b3261e", "#545454"];

  function funnel(canvas, spec) {
    return new Chart(canvas, {
      type: "bar",
      data: { labels: spec.labels, datasets: [{ label: "Hulpvragen", data: spec.values, backgroundColor: "#24578f" }] },
      options: { indexAxis: "y", animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } },
    });
  }

  function teams(canvas, spec) {
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: colours[i % colours.length] })),
      },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } }, scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: "%" } } } },
    });
  }

  function trend(canvas, spec) {
    return new Chart(canvas, {
      type: "line",
      data: {
        labels: spec.labels,
        datasets: [
          { label: "Instroom", data: spec.instroom, borderColor: "#24578f", backgroundColor: "#24578f", spanGaps: false },
          { label: "Uitstroom", data: spec.uitstroom, borderColor: "#e8751a", backgroundColor: "#e8751a", borderDash: [6, 3], spanGaps: false },
        ],
      },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } }, scales: { y: { beginAtZero: true } } },
    });
  }

  function draw(root) {
    root.querySelectorAll("canvas[data-monitor-chart]").forEach((canvas) => {
      if (typeof Chart === "undefined" || Chart.getChart(canvas)) return;
      const spec = JSON.parse(canvas.dataset.monitorChart);
      if (spec.kind === "funnel") funnel(canvas, spec);
      else if (spec.kind === "teams") teams(canvas, spec);
      else if (spec.kind === "trend") trend(canvas, spec);
    });
  }

  document.addEventListener("DOMContentLoaded", () => draw(document));
})();
