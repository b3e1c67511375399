// Scenarios: the list, opening one (or one of its versions), its history and past runs, new
// scenarios (blank, a template or a copy), uploads with a name, saving versions, live validation,
// attaching an article. Unsaved edits are never dropped without asking.
import { call } from '/api.js';
import { Editor } from '/editor.js';
import { $, state, status, fail, enc } from '/state.js';

export const editor = new Editor({ onChange: () => { state.dirty = true; scheduleValidate(); }, attach });
let hooks = { openRun: async () => {} };

/** Wires the sidebar; hooks.openRun(result, jobId) shows a re-opened run. */
export function wireScenarios(h) {
  hooks = h;
  $('upload').addEventListener('change', e => {
    const f = e.target.files[0];
    e.target.value = '';
    if (f) upload(f).catch(fail);
  });
  $('new-create').addEventListener('click', () => newScenario($('new-id').value.trim(), $('new-from').value).catch(fail));
  window.addEventListener('beforeunload', e => { if (state.dirty) { e.preventDefault(); e.returnValue = ''; } });
}

/** True when there are no unsaved edits or the analyst agrees to drop them. */
export function mayDiscard() {
  return !state.dirty || window.confirm(`The scenario ${state.scenario?.id || ''} has unsaved changes. Drop them?`);
}

function item(list, text, small, onOpen, attrs = {}) {
  const li = document.createElement('li');
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'item';
  for (const [k, v] of Object.entries(attrs)) b.dataset[k] = v;
  b.textContent = text;
  const s = document.createElement('small');
  s.textContent = small;
  b.append(s);
  b.addEventListener('click', () => onOpen().catch(fail));
  li.append(b);
  list.append(li);
  return li;
}

export async function listScenarios() {
  const list = await call('GET', '/api/scenarios');
  const ul = $('scenario-list');
  ul.replaceChildren();
  for (const s of list) {
    const li = item(ul, s.title || s.id, `${s.id} · v${s.version}`, () => openScenario(s.id), { id: s.id });
    li.dataset.id = s.id;
    li.classList.toggle('active', state.scenario?.id === s.id);
  }
  return list;
}

export async function openScenario(id, version, ask = true) {
  if (ask && !mayDiscard()) return false;
  const s = await call('GET', version ? `/api/scenarios/${enc(id)}/versions/${version}` : `/api/scenarios/${enc(id)}`);
  show(s);
  showProblems(s.problems);
  await showHistory(id);
  await showPastRuns(id);
  status(`Opened ${id} v${s.version}`);
  return true;
}

function show(s) {
  state.scenario = s;
  state.dirty = false;
  title();
  editor.load(s);
  document.querySelectorAll('#scenario-list li').forEach(li => li.classList.toggle('active', li.dataset.id === s.id));
  hooks.worlds?.(s.worlds || ['base']);
}

function title() {
  const s = state.scenario;
  $('scenario-title').textContent = s.isNew ? `${s.document.title || s.id} (new, not saved yet)` : `${s.title} (v${s.version})`;
}

async function showHistory(id) {
  const ul = $('history');
  ul.replaceChildren();
  if (state.scenario?.isNew) return;
  const versions = await call('GET', `/api/scenarios/${enc(id)}/versions`);
  for (const v of versions.slice().reverse()) {
    item(ul, `v${v.version} · ${v.note}`, v.saved.replace('T', ' ').slice(0, 19), () => openScenario(id, v.version));
  }
}

/** The runs of this scenario: from the run store (kept across restarts), else this server's finished jobs. */
export async function showPastRuns(id) {
  const ul = $('past-runs');
  ul.replaceChildren();
  if (!state.scenario || state.scenario.isNew) return;
  const stored = state.info?.features.storedRuns;
  const runs = stored ? await call('GET', `/api/store/runs?scenario=${enc(id)}`)
    : (await call('GET', '/api/runs')).filter(j => j.scenario === id && j.status === 'done');
  for (const r of runs) {
    const when = (r.started || r.created || '').replace('T', ' ').slice(0, 16);
    const models = r.models || r.spec?.models || [];
    item(ul, `${stored ? 'run ' + r.id : r.id} · v${r.version}`, `${when} · ${models.length ? models.length + ' models' : 'all models'}`,
      () => openRun(id, r.version, stored ? `/api/store/runs/${r.id}/result` : `/api/runs/${r.id}/result`, stored ? null : r.id),
      { run: String(r.id) });
  }
  if (!runs.length) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = 'No runs yet.';
    ul.append(li);
  }
}

async function openRun(id, version, path, jobId) {
  if (state.scenario?.version !== version && !(await openScenario(id, version))) return;
  await hooks.openRun(await call('GET', path), jobId);
}

let validateTimer = null;
function scheduleValidate() {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(() => validate().catch(fail), 250);
}

export async function validate() {
  const r = await call('POST', '/api/validate', JSON.stringify(editor.doc, null, 2));
  state.valid = r.valid;
  showProblems(r.problems);
  const errors = r.problems.filter(p => p.severity === 'error').length;
  status(errors ? `${errors} error${errors > 1 ? 's' : ''}: not saved` : (state.dirty ? 'Valid (unsaved changes)' : 'Valid'), errors > 0);
  return r.valid;
}

export function showProblems(problems, heading) {
  const shown = editor.showProblems(problems);
  const box = $('problems');
  box.replaceChildren();
  if (heading && shown.length) {
    const h = document.createElement('p');
    h.textContent = heading;
    box.append(h);
  }
  // errors always in view; more than three warnings fold into one line that opens
  const warnings = shown.filter(p => p.severity !== 'error');
  const fold = warnings.length > 3 && !heading ? document.createElement('details') : null;
  if (fold) {
    const sum = document.createElement('summary');
    sum.textContent = `${warnings.length} warnings (${[...new Set(warnings.map(p => p.code))].join(', ')})`;
    fold.append(sum);
  }
  for (const p of shown) {
    const d = document.createElement('div');
    d.className = 'problem ' + p.severity;
    d.dataset.code = p.code;
    d.textContent = `${p.severity} ${p.code}${p.line ? ` at line ${p.line}:${p.column}` : ''} (${p.path}): ${p.message}`
      + (p.hint ? ' ' + p.hint : '');
    (fold && p.severity !== 'error' ? fold : box).append(d);
  }
  if (fold) box.append(fold);
}

/** Saves the editor's document: a new scenario is created, an existing one gets a new version. */
export async function save(note = 'edited in the browser') {
  if (!(await validate())) throw new Error('fix the errors before saving');
  const body = JSON.stringify(editor.doc, null, 2);
  const fresh = state.scenario.isNew;
  const pending = state.scenario.pendingTexts || {};
  let s = fresh ? await call('POST', `/api/scenarios?name=${enc(editor.doc.id + '.json')}`, body)
    : await call('PUT', `/api/scenarios/${enc(state.scenario.id)}?note=${enc(note)}`, body);
  for (const [source, text] of Object.entries(pending)) {
    if ((editor.doc.sources || []).some(x => x.id === source)) {
      s = await call('PUT', `/api/scenarios/${enc(s.id)}/sources/${enc(source)}`, text, 'application/octet-stream');
    }
  }
  state.scenario = s;
  state.dirty = false;
  editor.sources = s.sources || [];
  title();
  await showHistory(s.id);
  await listScenarios();
  await showPastRuns(s.id);
  status(`Saved ${s.id} v${s.version}`);
  return s;
}

/** Uploads a file under the name given (a table's scenario id), opens it and shows the import's warnings. */
async function upload(file) {
  if (!mayDiscard()) return;
  const name = $('upload-name').value.trim() || file.name;
  const text = await file.text();
  try {
    const s = await call('POST', `/api/scenarios?name=${enc(name)}`, text, 'application/octet-stream');
    await listScenarios();
    await openScenario(s.id, undefined, false);
    const warnings = s.importWarnings || [];
    if (warnings.length) showProblems(warnings, `Imported ${s.id} with ${warnings.length} warning${warnings.length > 1 ? 's' : ''}:`);
    status(`Uploaded ${file.name} as ${s.id} v${s.version}` + (warnings.length ? ` (${warnings.length} import warnings, listed above the editor)` : ''));
    $('upload-name').value = '';
  } catch (e) {
    if (e.problems?.length) showProblems(e.problems);
    throw e;
  }
}

const TEMPLATE = id => ({
  parley: 1, id, title: id,
  issues: [{ id: 'issue', name: 'The issue', scale: { min: 0, max: 100, low: 'nothing changes', high: 'all that is asked' }, 'status-quo': 0 }],
  actors: [
    { id: 'side-a', name: 'Side A', capability: 50, stances: { issue: { position: 20, salience: 60 } } },
    { id: 'side-b', name: 'Side B', capability: 50, stances: { issue: { position: 80, salience: 60 } } }
  ]
});

/** A new scenario in the editor, not saved until "Save version" (or a run, or attaching an article). */
export async function newScenario(id, from) {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(id)) throw new Error('a scenario id is 1 to 100 letters, digits, ".", "_" or "-"');
  const list = await call('GET', '/api/scenarios');
  if (list.some(s => s.id === id)) throw new Error(`there is already a scenario called ${id}; choose another id or open it`);
  if (from === 'copy' && !state.scenario) throw new Error('open a scenario to copy first');
  if (!mayDiscard()) return;
  let doc, pendingTexts = {};
  if (from === 'copy') {
    doc = structuredClone(editor.doc);
    doc.id = id;
    doc.title = `Copy of ${doc.title || state.scenario.id}`;
    for (const s of editor.sources) if (s.sentences.length) pendingTexts[s.id] = s.sentences.join('\n\n');
  } else if (from === 'template') {
    doc = TEMPLATE(id);
  } else {
    doc = { parley: 1, id, title: id, issues: [], actors: [] };
  }
  show({ id, version: 0, isNew: true, document: doc, sources: [], worlds: ['base'], pendingTexts });
  state.dirty = true;
  $('history').replaceChildren();
  $('past-runs').replaceChildren();
  $('new-id').value = '';
  status(`New scenario ${id}: add actors and issues, then save`);
  scheduleValidate();
}

/** Attaches an article: the source joins the scenario (a version is saved), then its text. */
async function attach(sourceId, title, text) {
  const d = editor.doc;
  d.sources = d.sources || [];
  if (!d.sources.some(s => s.id === sourceId)) d.sources.push({ id: sourceId, title });
  state.dirty = true;
  const saved = await save(`article ${sourceId} attached`);
  const s = await call('PUT', `/api/scenarios/${enc(saved.id)}/sources/${enc(sourceId)}`, text, 'application/octet-stream');
  show(s);
  await showHistory(s.id);
  await listScenarios();
  const n = s.sources.find(x => x.id === sourceId)?.sentences.length || 0;
  status(`Attached ${sourceId} (${n} sentences) to ${s.id} v${s.version}: click a value, then a sentence, to cite it`);
}
