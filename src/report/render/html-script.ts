// The HTML report's only script, inlined: search by ID and title, filters by chapter and by verdicts
// (several at once), expands requirements. Detail rows are visible in the markup (so the page still
// reads, and prints, without script) and hidden here once the script runs.
export const HTML_SCRIPT = `
(function () {
  var text = document.getElementById('filter-text');
  var chapter = document.getElementById('filter-chapter');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filter-verdict input'));
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.req'));
  function fold(value) { return value.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().trim(); }
  function detailOf(row) { return document.getElementById(row.querySelector('button.toggle').getAttribute('aria-controls')); }
  function isOpen(row) { return row.querySelector('button.toggle').getAttribute('aria-expanded') === 'true'; }
  function apply() {
    var count = 0;
    var query = fold(text.value);
    var verdicts = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    rows.forEach(function (row) {
      var visible = (!chapter.value || row.getAttribute('data-chapter') === chapter.value) &&
        verdicts.indexOf(row.getAttribute('data-verdict')) >= 0 &&
        (!query || row.getAttribute('data-search').indexOf(query) >= 0);
      row.hidden = !visible;
      detailOf(row).hidden = !visible || !isOpen(row);
      if (visible) count += 1;
    });
    shown.textContent = shown.getAttribute(count === 1 ? 'data-one' : 'data-other').replace('{shown}', String(count));
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
  // Each summary card shows its verdict alone; the total card shows them all.
  Array.prototype.forEach.call(document.querySelectorAll('[data-filter-verdict]'), function (card) {
    card.addEventListener('click', function () {
      var only = card.getAttribute('data-filter-verdict');
      boxes.forEach(function (box) { box.checked = !only || box.value === only; });
      apply();
      document.getElementById('requirements-title').scrollIntoView();
    });
  });
  text.addEventListener('input', apply);
  chapter.addEventListener('change', apply);
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  document.documentElement.classList.add('js');
  apply();
})();
`;
