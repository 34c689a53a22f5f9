// The HTML report's only script, inlined: filters by chapter and verdict, expands requirements.
// Detail rows are visible in the markup (so the page still reads, and prints, without script) and
// hidden here once the script runs.
export const HTML_SCRIPT = `
(function () {
  var chapter = document.getElementById('filter-chapter');
  var verdict = document.getElementById('filter-verdict');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.req'));
  function detailOf(row) { return document.getElementById(row.querySelector('button.toggle').getAttribute('aria-controls')); }
  function isOpen(row) { return row.querySelector('button.toggle').getAttribute('aria-expanded') === 'true'; }
  function apply() {
    var count = 0;
    rows.forEach(function (row) {
      var visible = (!chapter.value || row.getAttribute('data-chapter') === chapter.value) &&
        (!verdict.value || row.getAttribute('data-verdict') === verdict.value);
      row.hidden = !visible;
      detailOf(row).hidden = !visible || !isOpen(row);
      if (visible) count += 1;
    });
    shown.textContent = shown.getAttribute('data-template').replace('{shown}', String(count)).replace('{total}', String(rows.length));
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button.toggle') : null;
    if (!button) return;
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    document.getElementById(button.getAttribute('aria-controls')).hidden = !open;
  });
  function setAll(open) {
    rows.forEach(function (row) { row.querySelector('button.toggle').setAttribute('aria-expanded', open ? 'true' : 'false'); });
    apply();
  }
  document.getElementById('expand-all').addEventListener('click', function () { setAll(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { setAll(false); });
  Array.prototype.forEach.call(document.querySelectorAll('[data-filter-verdict]'), function (card) {
    card.addEventListener('click', function () {
      verdict.value = card.getAttribute('data-filter-verdict');
      apply();
      document.getElementById('requirements-title').scrollIntoView();
    });
  });
  chapter.addEventListener('change', apply);
  verdict.addEventListener('change', apply);
  document.documentElement.classList.add('js');
  apply();
})();
`;
