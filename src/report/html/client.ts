/**
 * The page's script, part 1: filters, links into folded conversations, printing. Plain ES2020 run
 * by the browser as it is (report/ compiles without DOM types, so this is text; the browser tests
 * in test/html-report.test.ts are what check it). It reads the page and changes only `hidden`,
 * `open`, classes and `textContent`: never `innerHTML`, never anything built from transcript text.
 *
 * Every conversation is a `details.conv` with data-suite, -locale, -risk, -target, -outcome and
 * -error; each of its scores is an `li.score` with data-rubric, data-criterion and data-outcome. Filters
 * combine with AND; with a rubric or a criterion chosen, a conversation's outcome is its worst score on
 * it. The text search reads the chat's messages only.
 */
export const FILTERS_SCRIPT = String.raw`
var RANK = { error: 0, critical: 1, fail: 2, pass: 3 };
var SIGN = { pass: '\u2713', fail: '!', critical: '\u2717', error: 'E' };
var convs = Array.prototype.slice.call(document.querySelectorAll('details.conv'));
var badges = {};
document.querySelectorAll('#grid a.badge[data-conv]').forEach(function (a) { badges[a.getAttribute('data-conv')] = a; });
var selects = Array.prototype.slice.call(document.querySelectorAll('#filters select[data-filter]'));
var outcomeBoxes = Array.prototype.slice.call(document.querySelectorAll('#filters input[data-outcome]'));

var search = document.getElementById('text-search');
// Each conversation's chat text, lower-cased once, on the first search.
var chatText = [];
function textOf(i) {
  if (chatText[i] === undefined) chatText[i] = Array.prototype.map.call(convs[i].querySelectorAll('.msg-text'), function (m) { return m.textContent; }).join('\n').toLowerCase();
  return chatText[i];
}

function chosen() {
  var f = { outcomes: {}, text: search.value.trim().toLowerCase() };
  selects.forEach(function (s) { f[s.getAttribute('data-filter')] = s.value; });
  outcomeBoxes.forEach(function (b) { if (b.checked) f.outcomes[b.getAttribute('data-outcome')] = true; });
  return f;
}

function setOutcome(el, outcome) {
  el.classList.remove('o-pass', 'o-fail', 'o-critical', 'o-error');
  el.classList.add('o-' + outcome);
}

function applyFilters() {
  var f = chosen();
  var shown = 0;
  convs.forEach(function (conv, i) {
    var d = conv.dataset;
    var ok = ['suite', 'locale', 'risk', 'target'].every(function (k) { return !f[k] || d[k] === f[k]; });
    if (ok && f.text) ok = textOf(i).indexOf(f.text) >= 0;
    var outcome = d.outcome;
    var scores = conv.querySelectorAll('li.score');
    if (f.rubric || f.criterion) {
      var worst = 'pass';
      var any = false;
      scores.forEach(function (s) {
        var mine = (!f.rubric || s.dataset.rubric === f.rubric) && (!f.criterion || s.dataset.criterion === f.criterion);
        s.hidden = !mine;
        if (mine) { any = true; if (RANK[s.dataset.outcome] < RANK[worst]) worst = s.dataset.outcome; }
      });
      outcome = d.error ? 'error' : worst;
      if (!any && !d.error) ok = false;
    } else {
      scores.forEach(function (s) { s.hidden = false; });
    }
    ok = ok && !!f.outcomes[outcome];
    conv.hidden = !ok;
    if (ok) shown++;
    var sign = conv.querySelector('summary > .badge');
    setOutcome(sign, outcome);
    sign.textContent = SIGN[outcome];
    conv.querySelectorAll('details.passed').forEach(function (p) {
      var n = p.querySelectorAll('li.score:not([hidden])').length;
      p.hidden = n === 0;
      p.querySelector('summary').textContent = n + ' passed';
    });
    var badge = badges[d.index];
    if (badge) { badge.hidden = !ok; setOutcome(badge, outcome); badge.textContent = SIGN[outcome]; }
  });
  document.querySelectorAll('#grid tr[data-scenario]').forEach(function (row) {
    row.hidden = !row.querySelector('a.badge:not([hidden])');
  });
  document.querySelectorAll('#grid tbody').forEach(function (body) {
    body.hidden = !body.querySelector('tr[data-scenario]:not([hidden])');
  });
  document.getElementById('shown-count').textContent = shown + ' of ' + convs.length + ' conversations shown';
  document.getElementById('no-match').hidden = shown > 0;
  writeState(f);
}

// The filters live in the page's address (?suite=grief&outcome=fail,critical), so a reviewer can share
// or reload exactly what they are looking at; the hash stays free for links to conversations.
function writeState(f) {
  var q = new URLSearchParams();
  selects.forEach(function (s) { if (s.value) q.set(s.getAttribute('data-filter'), s.value); });
  if (f.text) q.set('q', search.value.trim());
  var off = outcomeBoxes.filter(function (b) { return !b.checked; });
  if (off.length > 0) q.set('outcome', outcomeBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute('data-outcome'); }).join(','));
  var query = q.toString();
  try { history.replaceState(null, '', (query ? '?' + query : location.pathname) + location.hash); } catch (e) { /* a browser that refuses keeps the filters on the page only */ }
}
function readState() {
  var q = new URLSearchParams(location.search);
  selects.forEach(function (s) {
    var v = q.get(s.getAttribute('data-filter'));
    if (v !== null && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
  });
  if (q.get('q') !== null) search.value = q.get('q');
  var outcomes = q.get('outcome');
  if (outcomes !== null) {
    var on = outcomes.split(',');
    outcomeBoxes.forEach(function (b) { b.checked = on.indexOf(b.getAttribute('data-outcome')) >= 0; });
  }
}

selects.concat(outcomeBoxes).forEach(function (el) { el.addEventListener('change', applyFilters); });
var typing;
search.addEventListener('input', function () { clearTimeout(typing); typing = setTimeout(applyFilters, 150); });
document.getElementById('reset-filters').addEventListener('click', function () {
  search.value = '';
  selects.forEach(function (s) { s.value = ''; });
  outcomeBoxes.forEach(function (b) { b.checked = true; });
  applyFilters();
});
document.getElementById('unfold-all').addEventListener('click', function () {
  convs.forEach(function (c) { if (!c.hidden) c.open = true; });
});
document.getElementById('fold-all').addEventListener('click', function () {
  convs.forEach(function (c) { c.open = false; });
});

// A link into a folded conversation (from the grid, or from evidence to its mark) unfolds it first,
// so the browser scrolls to where the target really is.
function reveal(id) {
  var el = id && document.getElementById(id);
  if (!el) return;
  for (var p = el; p; p = p.parentElement) { if (p.tagName === 'DETAILS' && !p.open) p.open = true; }
  if (el.animate) el.animate([{ boxShadow: '0 0 0 4px #fb8f44' }, { boxShadow: '0 0 0 4px transparent' }], { duration: 1600, easing: 'ease-out' });
}
document.addEventListener('click', function (e) {
  var a = e.target instanceof Element && e.target.closest('a[href^="#"]');
  if (a) reveal(decodeURIComponent(a.getAttribute('href').slice(1)));
});
window.addEventListener('hashchange', function () { reveal(decodeURIComponent(location.hash.slice(1))); });
if (location.hash) { reveal(decodeURIComponent(location.hash.slice(1))); var first = document.getElementById(decodeURIComponent(location.hash.slice(1))); if (first) first.scrollIntoView(); }

// Printing shows every conversation (that the filters let through) unfolded, then folds them back.
var foldedBeforePrint = [];
window.addEventListener('beforeprint', function () {
  foldedBeforePrint = Array.prototype.slice.call(document.querySelectorAll('details:not([open])'));
  foldedBeforePrint.forEach(function (d) { d.open = true; });
});
window.addEventListener('afterprint', function () {
  foldedBeforePrint.forEach(function (d) { d.open = false; });
  foldedBeforePrint = [];
});

readState();
applyFilters();
`;
