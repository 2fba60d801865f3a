// Draws every <canvas data-chart="…"> on the page with Chart.js. The attribute holds
// {"kind":"line"|"bar","labels":[…],"series":[{"name":"…","values":[…]}],"stacked":false}.
// The same figures are in the table next to each chart, so the page reads without scripts.
(function () {
    "use strict";
    var palette = ["#1f6feb", "#2da44e", "#bf8700", "#cf222e", "#8250df", "#1b7c83", "#9a6700", "#57606a"];
    function draw(canvas) {
        var spec;
        try {
            spec = JSON.parse(canvas.getAttribute("data-chart"));
        } catch (e) {
            return;
        }
        var stacked = !!spec.stacked;
        new window.Chart(canvas, {
            type: spec.kind === "bar" ? "bar" : "line",
            data: {
                labels: spec.labels,
                datasets: spec.series.map(function (s, i) {
                    var colour = palette[i % palette.length];
                    return { label: s.name, data: s.values, borderColor: colour, backgroundColor: colour, tension: 0.2, pointRadius: 2 };
                })
            },
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                interaction: { mode: "index", intersect: false },
                scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } },
                plugins: { legend: { position: "bottom" } }
            }
        });
        canvas.setAttribute("data-chart-drawn", "true");
    }
    function start() {
        if (!window.Chart) {
            return;
        }
        document.querySelectorAll("canvas[data-chart]").forEach(draw);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
