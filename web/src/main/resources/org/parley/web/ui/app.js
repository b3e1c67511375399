// The Parley web app: scenario list and history, the editor with live validation, forecasts
// run as jobs with progress, and the charts.
import { call, download, saveBlob, askToken, ApiError } from '/api.js';
import * as charts from '/charts.js';
import * as analysis from '/analysis.js';
import { $, state, status, fail, enc } from '/state.js';
import { editor, wireScenarios, listScenarios, openScenario, save, validate, showPastRuns } from '/scenarios.js';

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
  showPastRuns(state.scenario.id).catch(fail);
}

/**
 * Runs an analysis as a job (Monte Carlo, sensitivity): its progress in the bar, Cancel stops it;
 * the result, or null when it failed or was cancelled.
 */
async function job(base, body, label, bar = 'run') {
  let j = await call('POST', `${base}/jobs`, body);
  const cancel = $(`${bar}-cancel`);
  const path = `${base}/jobs/${j.id}`;
  state.jobs[bar] = path;
  cancel.disabled = false;
  try {
    while (!['done', 'failed', 'cancelled'].includes(j.status)) {
      progress(j, bar);
      await new Promise(r => setTimeout(r, 250));
      j = await call('GET', path);
    }
  } finally {
    if (state.jobs[bar] === path) { state.jobs[bar] = null; cancel.disabled = true; }
  }
  progress(j, bar);
  if (j.status !== 'done') {
    status(`${label} ${j.id} ${j.status}${j.error ? ': ' + j.error.message : ''}`, j.status === 'failed');
    return null;
  }
  return call('GET', `${base}/jobs/${j.id}/result`);
}

async function monteCarlo() {
  if (!state.result) throw new Error('run the models first');
  $('run-mc').disabled = true;
  status('Monte Carlo: 500 runs ...');
  try {
    const mc = await job('/api/montecarlo', { scenario: state.scenario.id, version: state.scenario.version,
      models: [$('model').value], worlds: [$('world').value], runs: 500 }, 'Monte Carlo');
    if (!mc) return;
    state.mc = mc;
    status(`Monte Carlo: ${state.mc.runs} runs of ${$('model').value}; the band is the 5-95% range`);
    showResult();
  } finally {
    $('run-mc').disabled = false;
  }
}

function progress(j, bar = 'run') {
  $(`${bar}-progress`).max = Math.max(1, j.progress.total);
  $(`${bar}-progress`).value = j.progress.done;
  $(`${bar}-status`).textContent = `${j.id}: ${j.status} ${j.progress.done}/${j.progress.total}`;
}

function fill(select, values, keep) {
  const old = keep ? select.value : null;
  select.replaceChildren(...values.map(v => new Option(v, v)));
  if (old && values.includes(old)) select.value = old;
}

/** A filter select: "every ..." first, then the values; the choice is kept when it is still there. */
function fillFilter(select, values, every) {
  const old = select.value;
  select.replaceChildren(new Option(every, ''), ...values.map(v => new Option(v, v)));
  select.value = values.includes(old) ? old : '';
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
      const iv = world.modelError?.intervals?.[m]?.[issue] || null;
      rows.push({ issue, name: doc?.name || issue, model: m, world: world.id, forecast: x,
        words: scaleWords(doc?.scale, x), pDeal: deal, pTalks: talks, interval: iv, band: inputBand(world, m, issue) });
    }
  }
  return rows;
}

/** The 5-95% band of a model's forecast over the input ranges: from a Monte Carlo job, else from the run's own runs. */
function inputBand(world, model, issue) {
  const row = state.mc?.worlds.find(w => w.id === world.id)?.forecasts.find(f => f.model === model && f.issue === issue);
  if (row && row.p5 !== null && row.p95 !== null) return [row.p5, row.p95];
  const v = world.runs.filter(r => r.model === model).map(r => r.forecast[issue]).filter(x => x !== null && x !== undefined)
    .sort((a, b) => a - b);
  if (v.length < 2) return null;
  const q = p => { const i = (v.length - 1) * p, lo = Math.floor(i), hi = Math.ceil(i); return v[lo] + (v[hi] - v[lo]) * (i - lo); };
  return [q(0.05), q(0.95)];
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
  const level = world.modelError ? `; model error: ${world.modelError.label}` : '';
  $('answer-caption').textContent = `The answer: forecast in world ${world.id}; P(deal) and P(talks) mixed over ${mixed}${level}`;
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
      if (row.interval) {
        const iv = document.createElement('div');
        iv.className = 'hint interval';
        const level = world.modelError?.level;
        iv.textContent = `${level ? Math.round(100 * level) + '% ' : ''}model error ${row.interval[0].toFixed(0)}-${row.interval[1].toFixed(0)}`;
        iv.title = (world.modelError?.label || 'calibrated model-error interval') + ' (not the input ranges)';
        td.append(iv);
      }
      if (row.band) {
        const band = document.createElement('div');
        band.className = 'hint band';
        band.textContent = `inputs 5-95% ${row.band[0].toFixed(0)}-${row.band[1].toFixed(0)}`;
        td.append(band);
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
  const lines = ['issue,model,world,forecast,words,p_deal,p_talks,model_error_low,model_error_high,inputs_p5,inputs_p95'];
  for (const x of answerRows(r, world)) {
    lines.push([x.issue, x.model, x.world, x.forecast, x.words, x.pDeal, x.pTalks, x.interval?.[0], x.interval?.[1],
      x.band?.[0], x.band?.[1]].map(csvCell).join(','));
  }
  saveBlob(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }), `${state.scenario.id}-answer.csv`);
}

/** The first model that moves over rounds (a dynamic model) in the world, else the first model. */
function dynamicModel(r, world) {
  return r.settings.models.find(m => (world.runs.find(x => x.model === m)?.rounds.length || 0) > 1) || r.settings.models[0];
}

/**
 * The most probable world the bottom line mixes (the first on ties), else null: after a run the
 * answer shows it rather than the base world, which may be only a reference (on the seed, a world
 * without talks whose forecasts are the status quo).
 */
function likeliestWorld(r) {
  let best = null;
  for (const [id, p] of Object.entries(r.bottomLine?.mixed || {})) {
    if (best === null || p > best.p) best = { id, p };
  }
  return best && r.worlds.find(w => w.id === best.id) || null;
}

function showResult() {
  const r = state.result;
  if (!r) return;
  fillWorlds(r.worlds.map(w => w.id));
  fill($('model'), r.settings.models, true);
  let world = r.worlds.find(w => w.id === $('world').value) || r.worlds[0];
  if (state.pickDynamic) {
    const likely = likeliestWorld(r);
    if (likely) {
      world = likely;
      $('world').value = likely.id;
    }
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
  const doc = state.scenario?.document;
  const kinds = charts.network(world, model, +$('round').value, analysis.totalPower(doc), $('net-actor').value, $('net-kind').value);
  fillFilter($('net-actor'), world.actors, 'every actor');
  fillFilter($('net-kind'), kinds, 'every kind');
  analysis.powerByPosition(world, model, issue, +$('round').value, doc);
  analysis.quadMap(world, model, +$('round').value);
  analysis.conflict(world, model, doc);
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
      sens = await job('/api/sensitivity', { scenario: state.scenario.id, version: state.scenario.version,
        model, world }, 'Sensitivity', 'tornado');
    } catch (e) {
      if (state.sensKey === key) state.sensKey = null; // ask again on the next change
      throw e;
    }
    if (state.sensKey !== key) return; // the selection changed meanwhile
    if (!sens) { state.sensKey = null; return; } // failed or cancelled: ask again on the next change
    state.sens = sens;
  }
  if (state.sens) charts.tornado(state.sens, issue);
}

// ---------------------------------------------------------------- wiring

/** Shows one tab; the tabs are a tablist (arrow keys move between them). */
function selectTab(name, focus = false) {
  document.querySelectorAll('#tabs button').forEach(x => {
    const on = x.dataset.tab === name;
    x.classList.toggle('active', on);
    x.setAttribute('aria-selected', String(on));
    x.tabIndex = on ? 0 : -1;
    if (on && focus) x.focus();
  });
  document.querySelectorAll('.tab').forEach(t => { t.hidden = t.id !== 'tab-' + name; });
  if (name === 'forecast') requestAnimationFrame(() => { Object.values(window.parleyCharts).forEach(c => c.resize()); });
}

function tabs() {
  const names = [...document.querySelectorAll('#tabs button')].map(b => b.dataset.tab);
  document.querySelectorAll('#tabs button').forEach(b => {
    b.addEventListener('click', () => selectTab(b.dataset.tab));
    b.addEventListener('keydown', e => {
      const k = names.indexOf(b.dataset.tab);
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        selectTab(names[(k + (e.key === 'ArrowRight' ? 1 : names.length - 1)) % names.length], true);
      }
    });
  });
}

/** Shows a run re-opened from the past runs list (a job's or the run store's result). */
async function openRun(result, jobId) {
  state.result = result;
  state.run = jobId;
  state.mc = null;
  state.pickDynamic = true;
  selectTab('forecast');
  showResult();
  status(`Opened ${result.run} (${state.scenario.id} v${result.version})`);
}

let wired = false;
async function init() {
  if (!wired) { wire(); wired = true; }
  await start();
}

function wire() {
  tabs();
  wireScenarios({ openRun, worlds: fillWorlds });
  $('save').addEventListener('click', () => save().catch(fail));
  $('validate').addEventListener('click', () => validate().catch(fail));
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
  $('run-cancel').addEventListener('click', () => {
    if (state.jobs.run) call('DELETE', state.jobs.run).catch(fail);
    else if (state.run) call('DELETE', `/api/runs/${state.run}`).catch(fail);
  });
  $('tornado-cancel').addEventListener('click', () => state.jobs.tornado && call('DELETE', state.jobs.tornado).catch(fail));
  for (const id of ['world', 'model', 'issue', 'compare-a', 'compare-b', 'why-actor', 'net-actor', 'net-kind']) $(id).addEventListener('change', showResult);
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
  state.info = info;
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
  if (list.length) await openScenario(list[0].id, undefined, false);
  document.body.dataset.ready = 'true';
}

init().catch(fail);
