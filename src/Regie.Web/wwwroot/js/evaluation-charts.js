// The evaluation's charts, drawn from data-evaluation-chart attributes (no inline script under the content security
// policy): the monthly means of the changed (or all) households and of the comparison teams, with a vertical line at
// the change. Every chart has a table with the same figures next to it; withheld months are gaps.
(() => {
  const colours = ["#24578f", "#e8751a"];

  const changeLine = {
    id: "changeLine",
    afterDatasetsDraw(chart, _args, options) {
      if (options.index === undefined || options.index < 0) return;
      const x = chart.scales.x.getPixelForValue(options.index);
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = "#545454";
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.fillStyle = "#545454";
      ctx.fillText("wijziging", x + 4, top + 10);
      ctx.restore();
    },
  };

  function draw(root) {
    root.querySelectorAll("canvas[data-evaluation-chart]").forEach((canvas) => {
      if (typeof Chart === "undefined" || Chart.getChart(canvas)) return;
      const spec = JSON.parse(canvas.dataset.evaluationChart);
      new Chart(canvas, {
        type: "line",
        data: {
          labels: spec.labels,
          datasets: spec.series.map((s, i) => ({
            label: s.name, data: s.values, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length],
            borderDash: i === 0 ? [] : [6, 3], spanGaps: false,
          })),
        },
        options: {
          animation: false, maintainAspectRatio: false,
          plugins: { legend: { position: "bottom" }, changeLine: { index: spec.marker } },
          scales: { y: { title: { display: true, text: spec.unit } } },
        },
        plugins: [changeLine],
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => draw(document));
})();
