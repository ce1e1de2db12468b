// BacklogLint report: draws the charts from the specs in #backloglint-data (Vega-Lite, inlined above) and makes the
// tables sortable. Reads data only as JSON; nothing taken from work items is ever code.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('backloglint-data').textContent);
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var spec = data.charts[element.getAttribute('data-chart')];
    function fail(error) {
      element.textContent = 'The chart could not be drawn: ' + error;
      console.error('backloglint chart ' + element.getAttribute('data-chart') + ': ' + error);
    }
    try {
      var view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'svg', container: element, hover: true });
      view.runAsync().then(function () { element.setAttribute('data-drawn', 'true'); }, fail);
    } catch (error) {
      fail(error);
    }
  });

  // A click on a column's heading sorts by it (numbers by value, the rest as text); a second click reverses.
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headings = table.querySelectorAll('thead th');
    headings.forEach(function (heading, column) {
      heading.setAttribute('tabindex', '0');
      function sort() {
        var descending = heading.getAttribute('aria-sort') !== 'descending';
        headings.forEach(function (other) { other.removeAttribute('aria-sort'); });
        heading.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute('data-sort') || a.cells[column].textContent;
          var y = b.cells[column].getAttribute('data-sort') || b.cells[column].textContent;
          var order = (isFinite(x) && isFinite(y) && x !== '' && y !== '') ? x - y : x.localeCompare(y);
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      heading.addEventListener('click', sort);
      heading.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); } });
    });
  });
})();
