// The dashboard's charts: data from the page's JSON block (json_script), drawn with the
// vendored ECharts; clicking a bar opens the list of cases behind it. No inline script (CSP).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dashboard-data").textContent);
  var base = document.getElementById("dashboard-drill").getAttribute("data-url");
  data.forEach(function (chart) {
    var el = document.getElementById("chart-" + chart.metric);
    if (!el || !window.echarts) { return; }
    el.style.height = Math.max(200, chart.bars.length * 24 + 48) + "px";
    var c = window.echarts.init(el);
    c.setOption({
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: chart.bars.map(function (b) { return b.label; }),
               axisLabel: { width: 140, overflow: "truncate" } },
      series: [{ type: "bar", data: chart.bars.map(function (b) { return b.count; }),
                 label: { show: true, position: "right" }, itemStyle: { color: "#1d4ed8" } }]
    });
    c.on("click", function (p) {
      var bar = chart.bars[p.dataIndex];
      window.location.href = base + "?metric=" + encodeURIComponent(chart.metric) + "&key=" + encodeURIComponent(bar.key);
    });
    window.addEventListener("resize", function () { c.resize(); });
  });
})();
