// 指标监测: one bar chart (each area against the target) and one trend line (month ends) per indicator, drawn with
// Apache ECharts from the data the page carries. Without the script the tables show the same figures.
(function () {
  'use strict';
  function draw() {
    var data = document.getElementById('indicator-data');
    if (!data || !window.echarts) { return; }
    var charts = [];
    JSON.parse(data.textContent).forEach(function (ind) {
      var counties = ind.figures.filter(function (f) { return f.areaCode.slice(-2) !== '00'; });
      var shown = counties.length ? counties : ind.figures;
      var target = ind.target === null ? null : Number(ind.target);
      var countyTarget = ind.targetScope === 'COUNTY' ? target : null;
      var bar = echarts.init(document.getElementById('bar-' + ind.code));
      bar.setOption({
        grid: { left: 48, right: 16, top: 28, bottom: 64 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: shown.map(function (f) { return f.areaName; }),
                 axisLabel: { rotate: 45, interval: 0, fontSize: 11 } },
        yAxis: { type: 'value', name: ind.unit },
        series: [{ type: 'bar', name: ind.name,
          data: shown.map(function (f) {
            return { value: f.value === null ? null : Number(f.value),
                     itemStyle: { color: f.status === 'MET' ? '#2e7d32' : f.status === 'ON_TRACK' ? '#1565c0'
                                       : f.status === 'BEHIND' ? '#c62828' : '#78909c' } };
          }),
          markLine: countyTarget === null ? undefined : { symbol: 'none', data: [{ yAxis: countyTarget, name: '目标' }],
                                                      label: { formatter: '目标 {c}' }, lineStyle: { color: '#f0b400', width: 2 } } }]
      });
      var whole = ind.figures[0];
      var trend = echarts.init(document.getElementById('trend-' + ind.code));
      trend.setOption({
        title: { text: whole.areaName + ' 月末趋势', textStyle: { fontSize: 13 } },
        grid: { left: 48, right: 16, top: 36, bottom: 40 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: whole.trend.map(function (p) { return p.day.slice(0, 7); }) },
        yAxis: { type: 'value', name: ind.unit },
        series: [{ type: 'line', name: ind.name, connectNulls: false,
          data: whole.trend.map(function (p) { return p.value === null ? null : Number(p.value); }),
          markLine: target === null || (whole.areaCode.slice(-2) !== '00' && countyTarget === null) ? undefined
            : { symbol: 'none', data: [{ yAxis: target }], label: { formatter: '目标 {c}' }, lineStyle: { color: '#f0b400' } } }]
      });
      charts.push(bar, trend);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
