/* kehoach: charts (ECharts, from data-chart JSON), keyboard entry, review highlights.
   Pages work without this file: it only adds charts and faster entry. */
(function () {
  "use strict";

  var charts = [];
  var vn = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
  function vnNumber(value) {
    return value === null || value === undefined || value === "-" ? "–" : vn.format(value);
  }

  /* Numbers the Vietnamese way on value axes and in tooltips: 97,5 and 1.246,7. */
  function vietnamese(options) {
    [].concat(options.xAxis || [], options.yAxis || []).forEach(function (axis) {
      if (axis.type === "value") axis.axisLabel = Object.assign({}, axis.axisLabel, { formatter: vnNumber });
    });
    options.tooltip = Object.assign({}, options.tooltip, { valueFormatter: vnNumber });
    return options;
  }

  function drawCharts(root) {
    if (!window.echarts) return;
    var found = Array.prototype.slice.call(root.querySelectorAll ? root.querySelectorAll("[data-chart]") : []);
    if (root.matches && root.matches("[data-chart]")) found.push(root);
    found.forEach(function (el) {
      if (el.dataset.drawn) return;
      el.dataset.drawn = "1";
      var chart = window.echarts.init(el, null, { renderer: "svg", locale: "EN" });
      var options = vietnamese(JSON.parse(el.dataset.chart));
      options.textStyle = { fontFamily: getComputedStyle(document.body).fontFamily };
      options.animation = false;
      chart.setOption(options);
      charts.push(chart);
    });
  }

  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });

  /* Enter moves to the next cell of the entry grid (Shift+Enter to the previous), as Tab does. */
  function cells(form) {
    return Array.prototype.filter.call(
      form.querySelectorAll("input.o-nhap, select.o-nhap, input.o-ghi-chu"),
      function (el) { return !el.disabled && el.offsetParent !== null; }
    );
  }
  document.addEventListener("keydown", function (event) {
    var el = event.target;
    if (event.key !== "Enter" || !el.form || !el.form.classList.contains("luoi-nhap")) return;
    if (el.tagName === "BUTTON" || el.tagName === "TEXTAREA") return;
    event.preventDefault();
    var list = cells(el.form);
    var next = list[list.indexOf(el) + (event.shiftKey ? -1 : 1)];
    if (next) { next.focus(); if (next.select) next.select(); }
  });

  /* A period or unit chooser reloads the page as soon as it changes (the button stays for no-JS). */
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("select[data-tu-gui]") && el.form) el.form.requestSubmit();
  });

  /* Review: the target being edited is highlighted in the resolution's text. */
  document.addEventListener("focusin", function (event) {
    var card = event.target.closest && event.target.closest("[data-span-id]");
    if (!card) return;
    document.querySelectorAll("mark.dang-chon").forEach(function (m) { m.classList.remove("dang-chon"); });
    var mark = document.getElementById(card.dataset.spanId);
    if (mark) {
      mark.classList.add("dang-chon");
      var box = mark.closest(".van-ban");
      if (box) box.scrollTop = mark.offsetTop - box.offsetTop - 80;
    }
  });

  function ready(root) { drawCharts(root || document); }
  if (window.htmx) {
    window.htmx.onLoad(ready); /* the page itself, then every swapped fragment */
  } else {
    document.addEventListener("DOMContentLoaded", function () { ready(document); });
  }
})();
