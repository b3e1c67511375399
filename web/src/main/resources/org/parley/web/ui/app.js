// The Parley web app: scenario list and history, the editor with live validation, forecasts
// run as jobs with progress, and the charts.
import { call, download, saveBlob, askToken, ApiError } from '/api.js';
import { Editor } from '/editor.js';
import * as charts from '/charts.js';

const $ = id => document.getElementById(id);
const state = { scenario: null, dirty: false, valid: true, result: null, run: null, models: [] };
window.parleyState = state; // for the browser tests
const editor = new Editor(() => { state.dirty = true; scheduleValidate(); });

function status(text, error = false) {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
}

function fail(e) {
  console.error(e);
  status(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e), true);
}

// ---------------------------------------------------------------- scenarios

async function listScenarios() {
  const list = await call('GET', '/api/scenarios');
  const ul = $('scenario-list');
  ul.replaceChildren();
  for (const s of list) {
    const li = document.createElement('li');
    li.dataset.id = s.id;
    li.textContent = s.title || s.id;
    const small = document.createElement('small');
    small.textContent = `${s.id} · v${s.version}`;
    li.append(small);
    li.classList.toggle('active', state.scenario?.id === s.id);
    li.addEventListener('click', () => openScenario(s.id).catch(fail));
    ul.append(li);
  }
  return list;
}

async function openScenario(id, version) {
  const s = await call('GET', version ? `/api/scenarios/${enc(id)}/versions/${version}` : `/api/scenarios/${enc(id)}`);
  state.scenario = s;
  state.dirty = false;
  $('scenario-title').textContent = `${s.title} (v${s.version})`;
  editor.load(s);
  showProblems(s.problems);
  document.querySelectorAll('#scenario-list li').forEach(li => li.classList.toggle('active', li.dataset.id === id));
  await showHistory(id);
  fillWorlds(s.worlds);
  status(`Opened ${id} v${s.version}`);
}

async function showHistory(id) {
  const versions = await call('GET', `/api/scenarios/${enc(id)}/versions`);
  const ul = $('history');
  ul.replaceChildren();
  for (const v of versions.slice().reverse()) {
    const li = document.createElement('li');
    li.textContent = `v${v.version} · ${v.note}`;
    const small = document.createElement('small');
    small.textContent = v.saved.replace('T', ' ').slice(0, 19);
    li.append(small);
    li.addEventListener('click', () => openScenario(id, v.version).catch(fail));
    ul.append(li);
  }
}

let validateTimer = null;
function scheduleValidate() {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(() => validate().catch(fail), 250);
}

async function validate() {
  const r = await call('POST', '/api/validate', JSON.stringify(editor.doc, null, 2));
  state.valid = r.valid;
  showProblems(r.problems);
  const errors = r.problems.filter(p => p.severity === 'error').length;
  status(errors ? `${errors} error${errors > 1 ? 's' : ''}: not saved` : (state.dirty ? 'Valid (unsaved changes)' : 'Valid'), errors > 0);
  return r.valid;
}

function showProblems(problems) {
  const shown = editor.showProblems(problems);
  const box = $('problems');
  box.replaceChildren();
  for (const p of shown) {
    const d = document.createElement('div');
    d.className = 'problem ' + p.severity;
    d.dataset.code = p.code;
    d.textContent = `${p.severity} ${p.code}${p.line ? ` at line ${p.line}:${p.column}` : ''} (${p.path}): ${p.message}`
      + (p.hint ? ' ' + p.hint : '');
    box.append(d);
  }
}

async function save() {
  if (!(await validate())) throw new Error('fix the errors before saving');
  const s = await call('PUT', `/api/scenarios/${enc(state.scenario.id)}?note=${enc('edited in the browser')}`,
    JSON.stringify(editor.doc, null, 2));
  state.scenario = s;
  state.dirty = false;
  $('scenario-title').textContent = `${s.title} (v${s.version})`;
  await showHistory(s.id);
  await listScenarios();
  status(`Saved ${s.id} v${s.version}`);
}

async function upload(file) {
  const text = await file.text();
  try {
    const s = await call('POST', '/api/scenarios', text, 'application/octet-stream');
    await listScenarios();
    await openScenario(s.id);
  } catch (e) {
    if (e.problems?.length) showProblems(e.problems);
    throw e;
  }
}

// ---------------------------------------------------------------- runs

async function runAll() {
  if (state.dirty) await save();
  const models = [...document.querySelectorAll('#model-choice input:checked')].map(i => i.value);
  const runs = Math.max(1, parseInt($('runs').value, 10) || 1);
  const job = await call('POST', '/api/runs', { scenario: state.scenario.id, version: state.scenario.version, models, runs });
  state.run = job.id;
  $('run-cancel').disabled = false;
  $('run-all').disabled = true;
  let j = job;
  while (!['done', 'failed', 'cancelled'].includes(j.status)) {
    progress(j);
    await new Promise(r => setTimeout(r, 250));
    j = await call('GET', `/api/runs/${j.id}`);
  }
  progress(j);
  $('run-cancel').disabled = true;
  $('run-all').disabled = false;
  if (j.status !== 'done') {
    status(`Run ${j.id} ${j.status}${j.error ? ': ' + j.error.message : ''}`, j.status === 'failed');
    return;
  }
  state.result = await call('GET', `/api/runs/${j.id}/result`);
  state.mc = null;
  state.pickDynamic = true;
  status(`Run ${j.id} done`);
  showResult();
}

async function monteCarlo() {
  if (!state.result) throw new Error('run the models first');
  $('run-mc').disabled = true;
  status('Monte Carlo: 500 runs ...');
  try {
    let j = await call('POST', '/api/montecarlo/jobs', { scenario: state.scenario.id, version: state.scenario.version,
      models: [$('model').value], worlds: [$('world').value], runs: 500 });
    while (!['done', 'failed', 'cancelled'].includes(j.status)) {
      progress(j);
      await new Promise(r => setTimeout(r, 250));
      j = await call('GET', `/api/montecarlo/jobs/${j.id}`);
    }
    progress(j);
    if (j.status !== 'done') {
      status(`Monte Carlo ${j.id} ${j.status}${j.error ? ': ' + j.error.message : ''}`, j.status === 'failed');
      return;
    }
    state.mc = await call('GET', `/api/montecarlo/jobs/${j.id}/result`);
    status(`Monte Carlo: ${state.mc.runs} runs of ${$('model').value}; the band is the 5-95% range`);
    showResult();
  } finally {
    $('run-mc').disabled = false;
  }
}

function progress(j) {
  $('run-progress').max = Math.max(1, j.progress.total);
  $('run-progress').value = j.progress.done;
  $('run-status').textContent = `${j.id}: ${j.status} ${j.progress.done}/${j.progress.total}`;
}

function fill(select, values, keep) {
  const old = keep ? select.value : null;
  select.replaceChildren(...values.map(v => new Option(v, v)));
  if (old && values.includes(old)) select.value = old;
}

function fillWorlds(worlds) {
  fill($('world'), worlds, true);
  fill($('compare-a'), worlds, true);
  fill($('compare-b'), worlds, true);
  if (worlds.length > 1 && $('compare-a').value === $('compare-b').value) $('compare-b').value = worlds[1];
}

/** The bottom line (P(yes) per threshold question and model, mixed over branches and talks) and the consent stage's moves. */
function bottomLine(r, world, model) {
  const b = r.bottomLine;
  const table = $('bottom-line');
  table.replaceChildren();
  if (!b) return;
  const mixed = Object.entries(b.mixed).map(([w, p]) => `${w} ${+p.toFixed(3)}`).join(', ');
  $('bottom-line-caption').textContent = `Bottom line: P(yes) per model, mixed over ${mixed} and the chance of talks`
    + (b.runs > 1 ? ` (share of ${b.runs} runs)` : ' (point forecasts: 0 or 1 per world)')
    + (b.modelErrorCalibration ? `; below, the range allowing for model error (calibration ${b.modelErrorCalibration})` : '');
  const models = r.settings.models;
  const head = document.createElement('tr');
  for (const h of ['question', ...models]) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  table.append(head);
  for (const q of b.questions) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.textContent = `${q.issue} ${'above' in q ? '> ' + q.above : '< ' + q.below}`;
    td.title = q.question;
    tr.append(td);
    for (const m of models) {
      const c = document.createElement('td');
      c.textContent = (100 * q.pYes[m]).toFixed(1) + '%';
      const me = q.pYesModelError?.[m];
      if (me) {
        // the same question allowing for the model's error on past cases (not the input ranges)
        const small = document.createElement('div');
        small.className = 'hint model-error';
        small.textContent = `model error ${Math.round(100 * me[0])}-${Math.round(100 * me[1])}%`;
        c.append(small);
      }
      tr.append(c);
    }
    table.append(tr);
  }
  const notes = $('consent-notes');
  notes.replaceChildren();
  const run = world.runs.find(x => x.model === model);
  for (const mv of run?.consent?.moves || []) {
    const li = document.createElement('li');
    li.textContent = `${model}, ${mv.issue}: ${mv.reason}`;
    notes.append(li);
  }
}

/** The scale's words nearest a value: the nearest labelled point or labelled end (as the brief). */
function scaleWords(scale, x) {
  if (!scale || x === null || x === undefined || Number.isNaN(x)) return '';
  const marks = [];
  if (scale.low) marks.push([scale.min, scale.low]);
  if (scale.high) marks.push([scale.max, scale.high]);
  for (const p of scale.points || []) marks.push([p.value, p.label]);
  let best = '', dist = Infinity;
  for (const [v, label] of marks) {
    if (Math.abs(x - v) < dist) { best = label; dist = Math.abs(x - v); }
  }
  return best;
}

/** Rows of the answer: per issue and model, the forecast in the selected world, its words, P(deal) and P(talks) mixed. */
function answerRows(r, world) {
  const b = r.bottomLine;
  const issues = state.scenario?.document.issues || [];
  const rows = [];
  for (const issue of world.issues) {
    const doc = issues.find(i => i.id === issue);
    let talks = 0;
    for (const [w, p] of Object.entries(b?.mixed || {})) {
      const d = b.details.find(x => x.world === w && x.issue === issue);
      if (d) talks += p * d.talks;
    }
    for (const m of r.settings.models) {
      const run = world.runs.find(x => x.model === m);
      const x = run ? run.forecast[issue] : null;
      let deal = 0;
      for (const [w, p] of Object.entries(b?.mixed || {})) {
        const d = b.details.find(y => y.world === w && y.model === m && y.issue === issue);
        if (d) deal += p * d.pDeal;
      }
      rows.push({ issue, name: doc?.name || issue, model: m, world: world.id, forecast: x,
        words: scaleWords(doc?.scale, x), pDeal: deal, pTalks: talks });
    }
  }
  return rows;
}

/** The answer panel: the scenario's description and questions, then issues x models with words, P(deal), P(talks). */
function answerPanel(r, world) {
  const doc = state.scenario?.document || {};
  $('answer-description').textContent = doc.description || '';
  const qs = $('answer-questions');
  qs.replaceChildren();
  for (const i of doc.issues || []) {
    for (const t of i.thresholds || []) {
      const li = document.createElement('li');
      li.textContent = `${t.question || i.name} (${i.id} ${'above' in t ? '> ' + t.above : '< ' + t.below})`;
      qs.append(li);
    }
  }
  const mixed = Object.keys(r.bottomLine?.mixed || {}).join(', ');
  $('answer-caption').textContent = `The answer: forecast in world ${world.id}; P(deal) and P(talks) mixed over ${mixed}`;
  const rows = answerRows(r, world);
  const table = $('answer-table');
  table.replaceChildren();
  const head = document.createElement('tr');
  for (const h of ['issue', ...r.settings.models, 'P(talks)']) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  table.append(head);
  for (const issue of world.issues) {
    const tr = document.createElement('tr');
    const mine = rows.filter(x => x.issue === issue);
    const name = document.createElement('th');
    name.textContent = mine[0]?.name || issue;
    name.scope = 'row';
    tr.append(name);
    for (const row of mine) {
      const td = document.createElement('td');
      const v = document.createElement('b');
      v.textContent = row.forecast === null || row.forecast === undefined ? '' : row.forecast.toFixed(1);
      const words = document.createElement('div');
      words.className = 'words';
      words.textContent = row.words;
      const deal = document.createElement('div');
      deal.className = 'hint';
      deal.textContent = `P(deal) ${(100 * row.pDeal).toFixed(1)}%`;
      td.append(v, words, deal);
      const iv = world.modelError?.intervals?.[row.model]?.[issue];
      if (iv) {
        // the calibrated model-error interval: how far real outcomes fell from this model's forecasts
        const me = document.createElement('div');
        me.className = 'hint model-error';
        me.textContent = `${Math.round(100 * world.modelError.level)}% model error ${iv[0].toFixed(0)}-${iv[1].toFixed(0)}`;
        me.title = world.modelError.label + ' (not the input ranges)';
        td.append(me);
      }
      tr.append(td);
    }
    const talks = document.createElement('td');
    talks.textContent = mine.length ? (100 * mine[0].pTalks).toFixed(1) + '%' : '';
    tr.append(talks);
    table.append(tr);
  }
}

function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** The answer panel as CSV: one row per issue and model. */
function exportAnswer() {
  const r = state.result;
  if (!r) throw new Error('run the models first');
  const world = r.worlds.find(w => w.id === $('world').value) || r.worlds[0];
  const lines = ['issue,model,world,forecast,words,p_deal,p_talks'];
  for (const x of answerRows(r, world)) {
    lines.push([x.issue, x.model, x.world, x.forecast, x.words, x.pDeal, x.pTalks].map(csvCell).join(','));
  }
  saveBlob(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }), `${state.scenario.id}-answer.csv`);
}

/** The first model that moves over rounds (a dynamic model) in the world, else the first model. */
function dynamicModel(r, world) {
  return r.settings.models.find(m => (world.runs.find(x => x.model === m)?.rounds.length || 0) > 1) || r.settings.models[0];
}

function showResult() {
  const r = state.result;
  if (!r) return;
  fillWorlds(r.worlds.map(w => w.id));
  fill($('model'), r.settings.models, true);
  const world = r.worlds.find(w => w.id === $('world').value) || r.worlds[0];
  if (state.pickDynamic) {
    $('model').value = dynamicModel(r, world);
    state.pickDynamic = false;
  }
  answerPanel(r, world);
  fill($('issue'), world.issues, true);
  fill($('why-actor'), world.actors, true);
  const model = $('model').value, issue = $('issue').value;
  bottomLine(r, world, model);
  const scale = state.scenario?.document.issues.find(i => i.id === issue)?.scale;
  charts.trajectory(world, model, issue, scale);
  charts.forecast(world, issue, scale, state.mc);
  charts.compare(r, $('compare-a').value, $('compare-b').value, model);
  const rounds = world.runs.find(x => x.model === model)?.rounds.length || 1;
  $('round').max = Math.max(1, rounds - 1);
  if (+$('round').value > +$('round').max) $('round').value = $('round').max;
  $('round-label').textContent = $('round').value;
  charts.network(world, model, +$('round').value);
  charts.why(world, model, $('why-actor').value);
  if (!$('tornado-figure').hidden) sensitivity(world.id, model, issue).catch(fail);
}

/** The tornado of the selected model, world and issue, fetched once per scenario version and selection. */
async function sensitivity(world, model, issue) {
  const key = [state.scenario.id, state.scenario.version, world, model].join('\u0000');
  if (state.sensKey !== key) {
    state.sensKey = key;
    state.sens = null;
    charts.tornado(null, issue);
    let sens;
    try {
      sens = await call('POST', '/api/sensitivity', { scenario: state.scenario.id, version: state.scenario.version,
        model, world });
    } catch (e) {
      if (state.sensKey === key) state.sensKey = null; // ask again on the next change
      throw e;
    }
    if (state.sensKey !== key) return; // the selection changed meanwhile
    state.sens = sens;
  }
  if (state.sens) charts.tornado(state.sens, issue);
}

// ---------------------------------------------------------------- wiring

function enc(s) { return encodeURIComponent(s); }

function tabs() {
  document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => {
    document.querySelectorAll('#tabs button').forEach(x => x.classList.toggle('active', x === b));
    document.querySelectorAll('.tab').forEach(t => { t.hidden = t.id !== 'tab-' + b.dataset.tab; });
    if (b.dataset.tab === 'forecast') requestAnimationFrame(() => { Object.values(window.parleyCharts).forEach(c => c.resize()); });
  }));
}

let wired = false;
async function init() {
  if (!wired) { wire(); wired = true; }
  await start();
}

function wire() {
  tabs();
  $('save').addEventListener('click', () => save().catch(fail));
  $('validate').addEventListener('click', () => validate().catch(fail));
  $('upload').addEventListener('change', e => e.target.files[0] && upload(e.target.files[0]).catch(fail));
  $('export-yaml').addEventListener('click', e => { e.preventDefault(); download(`/api/scenarios/${enc(state.scenario.id)}/export?format=yaml`, state.scenario.id + '.yaml').catch(fail); });
  $('export-json').addEventListener('click', e => { e.preventDefault(); download(`/api/scenarios/${enc(state.scenario.id)}/export?format=json`, state.scenario.id + '.json').catch(fail); });
  $('export-csv').addEventListener('click', e => { e.preventDefault(); if (state.run) download(`/api/runs/${state.run}/result?format=csv`, state.run + '.csv').catch(fail); });
  $('export-result-json').addEventListener('click', e => { e.preventDefault(); if (state.result) saveBlob(new Blob([JSON.stringify(state.result, null, 1)], { type: 'application/json' }), state.run + '.json'); });
  document.querySelectorAll('button.svg').forEach(b => b.addEventListener('click', () => {
    const s = charts.svg(b.dataset.chart);
    if (s) saveBlob(new Blob([s], { type: 'image/svg+xml' }), `${b.dataset.chart}.svg`);
  }));
  $('run-all').addEventListener('click', () => runAll().catch(e => { $('run-all').disabled = false; fail(e); }));
  $('run-mc').addEventListener('click', () => monteCarlo().catch(fail));
  $('export-answer').addEventListener('click', () => { try { exportAnswer(); } catch (e) { fail(e); } });
  $('export-brief').addEventListener('click', () => {
    if (!state.scenario) return;
    const models = state.result ? state.result.settings.models.join(',') : '';
    status('Writing the brief ...');
    download(`/api/scenarios/${enc(state.scenario.id)}/versions/${state.scenario.version}/brief?models=${enc(models)}`,
      `${state.scenario.id}-brief.html`).then(() => status('Brief downloaded')).catch(fail);
  });
  $('run-cancel').addEventListener('click', () => state.run && call('DELETE', `/api/runs/${state.run}`).catch(fail));
  for (const id of ['world', 'model', 'issue', 'compare-a', 'compare-b', 'why-actor']) $(id).addEventListener('change', showResult);
  $('round').addEventListener('input', showResult);
}

async function start() {
  let info;
  try {
    info = await call('GET', '/api/info');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && askToken()) return start();
    throw e;
  }
  $('tornado-figure').hidden = !info.features.sensitivity;
  state.models = await call('GET', '/api/models');
  $('model-choice').replaceChildren(...state.models.map(m => {
    const l = document.createElement('label');
    l.title = m.description;
    const i = document.createElement('input');
    i.type = 'checkbox'; i.value = m.id; i.checked = true;
    l.append(i, ' ' + m.id);
    return l;
  }));
  const list = await listScenarios();
  if (list.length) await openScenario(list[0].id);
  document.body.dataset.ready = 'true';
}

init().catch(fail);
