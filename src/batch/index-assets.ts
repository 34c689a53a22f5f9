// The review page's own style (added to the report stylesheet) and its only script, inlined: filters
// for the bundle table (status, text) and the matrix (nature, verdict, requirement). Rows stay in the
// markup, so the page reads and prints without the script.
export const INDEX_STYLE = `
.scroll{overflow-x:auto}
.s-pass{border-color:var(--ok)}.s-fail{border-color:var(--ko)}.s-error{border-color:#7f0000}
.badge.s-pass{background:var(--ok-bg);color:var(--ok)}.badge.s-fail{background:var(--ko-bg);color:var(--ko)}.badge.s-error{background:#ececec;color:#7f0000}
.filters input{font:inherit;padding:6px 8px;border:1px solid var(--line);border-radius:6px;min-width:220px}
.cards{margin-bottom:16px}
td.reason{color:#7f0000;font-size:13px}
table.matrix th,table.matrix td{padding:4px 6px;font-size:13px}
table.matrix th.bundle-col{font-size:12px;max-width:9em;word-break:break-word;text-transform:none;letter-spacing:0}
td.cell{text-align:center;font-weight:700;font-size:12px}
.cell.v-conforme{background:var(--ok-bg);color:var(--ok)}.cell.v-non-conforme{background:var(--ko-bg);color:var(--ko)}
.cell.v-incomplet{background:var(--inc-bg);color:var(--inc)}.cell.v-non-applicable{background:var(--na-bg);color:var(--na)}
.cell.s-error{background:#ececec;color:#7f0000}
p.legend{font-size:13px;color:var(--muted)}p.legend .cell{display:inline-block;padding:0 6px;border-radius:4px;font-weight:700}
`;

export const INDEX_SCRIPT = `
(function () {
  function rowsOf(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  function show(output, count, total) {
    if (output) output.textContent = output.getAttribute('data-template').replace('{shown}', String(count)).replace('{total}', String(total));
  }
  var status = document.getElementById('filter-status');
  var text = document.getElementById('filter-text');
  var bundles = rowsOf('tr.bundle');
  function applyBundles() {
    var wanted = text.value.trim().toLowerCase();
    var count = 0;
    bundles.forEach(function (row) {
      var visible = (!status.value || row.getAttribute('data-status') === status.value) &&
        (!wanted || row.getAttribute('data-search').indexOf(wanted) >= 0);
      row.hidden = !visible;
      if (visible) count += 1;
    });
    show(document.getElementById('bundles-shown'), count, bundles.length);
  }
  status.addEventListener('change', applyBundles);
  text.addEventListener('input', applyBundles);
  rowsOf('[data-filter-status]').forEach(function (card) {
    card.addEventListener('click', function () {
      status.value = status.value === card.getAttribute('data-filter-status') ? '' : card.getAttribute('data-filter-status');
      applyBundles();
    });
  });
  var nature = document.getElementById('filter-nature');
  if (nature) {
    var verdict = document.getElementById('filter-verdict');
    var requirement = document.getElementById('filter-requirement');
    var rows = rowsOf('tr.requirement');
    var applyRows = function () {
      var wanted = requirement.value.trim().toLowerCase();
      var count = 0;
      rows.forEach(function (row) {
        var visible = (!nature.value || row.getAttribute('data-nature') === nature.value) &&
          (!verdict.value || (' ' + row.getAttribute('data-verdicts') + ' ').indexOf(' ' + verdict.value + ' ') >= 0) &&
          (!wanted || row.getAttribute('data-search').indexOf(wanted) >= 0);
        row.hidden = !visible;
        if (visible) count += 1;
      });
      show(document.getElementById('rows-shown'), count, rows.length);
    };
    nature.addEventListener('change', applyRows);
    verdict.addEventListener('change', applyRows);
    requirement.addEventListener('input', applyRows);
    applyRows();
  }
  applyBundles();
})();
`;
