// The leaders' dashboard: draws each chart from the JSON the page carries (no inline script;
// the table below each chart holds the same numbers for screen readers and printing).
(function () {
  "use strict";
  function draw() {
    var node = document.getElementById("dashboard-data");
    if (!node || typeof echarts === "undefined") return;
    JSON.parse(node.textContent).forEach(function (c) {
      var el = document.querySelector('[data-chart="' + c.id + '"]');
      if (!el) return;
      var numeric = c.rows.filter(function (r) { return typeof r[1] === "number"; });
      var chart = echarts.init(el, null, { renderer: "svg" });
      // "plot": how many columns after the first are drawn (a rate chart draws the rate only;
      // the counts behind it stay in the table)
      var drawn = c.plot ? c.columns.slice(1, 1 + c.plot) : c.columns.slice(1);
      var series = drawn.map(function (name, i) {
        return {
          name: name,
          type: c.kind === "line" ? "line" : "bar",
          data: numeric.map(function (r) { return typeof r[i + 1] === "number" ? r[i + 1] : 0; }),
        };
      });
      chart.setOption({
        animation: false,
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: "category", data: numeric.map(function (r) { return r[0]; }),
                 axisLabel: { interval: 0, rotate: numeric.length > 6 ? 30 : 0 } },
        // a rate chart (its first column in %) runs from 0 to 100
        yAxis: { type: "value", max: /（%）$/.test(c.columns[1]) ? 100 : null },
        series: series,
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
