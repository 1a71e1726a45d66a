/**
 * The page's script, part 2: reviewer annotations. Beside every score a reviewer can press Agree
 * or Disagree, type a note, and (after Disagree) give their own score from 0 to 1. Annotations are
 * kept in the browser's localStorage under `attune.annotations.<run id>`, so a reload (or opening
 * the same report file again in the same browser) keeps them; nothing is sent anywhere.
 *
 * "Export annotations" downloads `attune-annotations-<run id>.jsonl`: one JSON object per line, one
 * line per annotated score, for `attune calibrate` to read as human labels:
 *
 *   {"conversation": "builtin:bad|grief.dog-died|1",   conversation id in results.json
 *    "target": "builtin:bad", "scenario": "grief.dog-died",
 *    "criterion": "pe.no-minimising", "rubric": "perceived-empathy",
 *    "judge": "checks",                                 which judge gave the score
 *    "attuneScore": 0,                                  the score in results.json (null if unscored)
 *    "humanScore": 1,                                   see below
 *    "agree": false,                                    true = Agree pressed, false = Disagree pressed
 *    "note": "minimising? no, it validated first",      "" when none
 *    "runId": "2026-11-22T21-33-12Z-76cc"}
 *
 * `humanScore`: after Agree, attuneScore; after Disagree, the reviewer's own 0–1 score, or null
 * when they disagreed without giving one. A note is only kept with Agree or Disagree; pressing the
 * pressed button again removes the annotation.
 *
 * Like part 1, the script never uses innerHTML: controls are made with createElement, and what the
 * reviewer types stays in input values and localStorage.
 */
export const ANNOTATIONS_SCRIPT = String.raw`
var runId = document.body.getAttribute('data-run-id');
var storeKey = 'attune.annotations.' + runId;
var store = {};
var storage = null;
try { storage = window.localStorage; store = JSON.parse(storage.getItem(storeKey) || '{}') || {}; } catch (e) { storage = null; }
if (!storage) document.getElementById('annot-status').textContent = 'This browser does not allow local storage here: annotations last until the page is closed.';

function save() {
  if (storage) { try { storage.setItem(storeKey, JSON.stringify(store)); } catch (e) { /* full or blocked: keep in memory */ } }
  countAnnotations();
}

function countAnnotations() {
  var n = Object.keys(store).length;
  document.getElementById('annot-count').textContent = n === 1 ? '1 annotation' : n + ' annotations';
  document.getElementById('export-annotations').disabled = n === 0;
  var per = {};
  Object.keys(store).forEach(function (k) { per[store[k].conversation] = (per[store[k].conversation] || 0) + 1; });
  convs.forEach(function (conv) {
    var k = per[conv.dataset.id];
    conv.querySelector('summary .annotated').textContent = k ? '\u270E ' + k : '';
  });
}

function el(tag, props, children) {
  var e = document.createElement(tag);
  Object.keys(props || {}).forEach(function (k) { e[k] = props[k]; });
  (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return e;
}

function attach(conv, li) {
  var attuneScore = li.dataset.score === '' ? null : Number(li.dataset.score);
  var key = JSON.stringify([conv.dataset.id, li.dataset.rubric, li.dataset.criterion, li.dataset.judge]);
  var agree = el('button', { type: 'button', className: 'agree', textContent: 'Agree' });
  var disagree = el('button', { type: 'button', className: 'disagree', textContent: 'Disagree' });
  var score = el('input', { type: 'number', min: '0', max: '1', step: '0.05', className: 'human-score', placeholder: '0\u20131' });
  var scoreLabel = el('label', { className: 'human-score-label' }, ['Your score ', score]);
  var note = el('input', { type: 'text', className: 'note', placeholder: 'Note: why?' });
  var fields = el('span', { className: 'annot-fields' }, [scoreLabel, note]);
  li.appendChild(el('div', { className: 'annot' }, [agree, disagree, fields]));

  function show() {
    var a = store[key];
    agree.setAttribute('aria-pressed', String(!!a && a.agree));
    disagree.setAttribute('aria-pressed', String(!!a && !a.agree));
    fields.hidden = !a;
    scoreLabel.hidden = !a || a.agree;
    li.classList.toggle('has-annotation', !!a);
    if (a) {
      if (document.activeElement !== note) note.value = a.note;
      if (document.activeElement !== score) score.value = a.humanScore === null || a.agree ? '' : String(a.humanScore);
    }
  }
  function press(agreeing) {
    var a = store[key];
    if (a && a.agree === agreeing) { delete store[key]; note.value = ''; score.value = ''; }
    else {
      store[key] = {
        conversation: conv.dataset.id, target: conv.dataset.target, scenario: conv.dataset.scenario,
        criterion: li.dataset.criterion, rubric: li.dataset.rubric, judge: li.dataset.judge,
        attuneScore: attuneScore, humanScore: agreeing ? attuneScore : readScore(),
        agree: agreeing, note: a ? a.note : note.value, runId: runId,
      };
    }
    save();
    show();
  }
  function readScore() {
    var v = score.value.trim();
    var n = Number(v);
    var valid = v === '' || (isFinite(n) && n >= 0 && n <= 1);
    score.classList.toggle('invalid', !valid);
    return v === '' || !valid ? null : n;
  }
  agree.addEventListener('click', function () { press(true); });
  disagree.addEventListener('click', function () { press(false); });
  note.addEventListener('input', function () { if (store[key]) { store[key].note = note.value; save(); } });
  score.addEventListener('input', function () {
    var a = store[key];
    if (a && !a.agree) { a.humanScore = readScore(); save(); }
  });
  show();
}

// Controls are made when a conversation is first unfolded: thousands of them up front would slow
// the page down for nothing.
function attachAll(conv) {
  if (conv.dataset.annotatable) return;
  conv.dataset.annotatable = '1';
  conv.querySelectorAll('li.score').forEach(function (li) { attach(conv, li); });
}
convs.forEach(function (conv) {
  if (conv.open) attachAll(conv);
  conv.addEventListener('toggle', function () { if (conv.open) attachAll(conv); });
});

document.getElementById('export-annotations').addEventListener('click', function () {
  var fields = ['conversation', 'target', 'scenario', 'criterion', 'rubric', 'judge', 'attuneScore', 'humanScore', 'agree', 'note', 'runId'];
  var lines = Object.keys(store).map(function (k) {
    var a = store[k];
    var row = {};
    fields.forEach(function (f) { row[f] = a[f] === undefined ? null : a[f]; });
    return JSON.stringify(row) + '\n';
  });
  var url = URL.createObjectURL(new Blob(lines, { type: 'application/x-ndjson' }));
  var link = el('a', { href: url, download: 'attune-annotations-' + runId.replace(/[^A-Za-z0-9._-]/g, '_') + '.jsonl' });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
});
document.getElementById('clear-annotations').addEventListener('click', function () {
  if (!window.confirm('Remove every annotation of this run from this browser?')) return;
  store = {};
  save();
  convs.forEach(function (conv) {
    if (!conv.dataset.annotatable) return;
    conv.querySelectorAll('li.score').forEach(function (li) {
      li.classList.remove('has-annotation');
      li.querySelectorAll('.annot button').forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
      li.querySelectorAll('.annot-fields').forEach(function (f) { f.hidden = true; });
      li.querySelectorAll('.annot input').forEach(function (i) { i.value = ''; });
    });
  });
});
countAnnotations();
`;
