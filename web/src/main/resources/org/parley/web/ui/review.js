// The review screen: draft a scenario from a news article (POST /api/draft), show the article with
// every mention and claim highlighted beside the draft's items, let the analyst accept, edit or
// reject each actor, issue and claim and map unresolved names and places, then create the
// scenario (POST /api/draft/scenario). Text from the article is only ever set as textContent.
import { call, askToken, ApiError } from '/api.js';

const $ = (id) => document.getElementById(id);
let current = null; // {name, text, draft}
let review = fresh();

function fresh() {
  return { actors: {}, issues: {}, claims: {}, mappings: {} };
}

function status(text, error = false) {
  const s = $('status');
  s.textContent = text;
  s.className = error ? 'error' : '';
}

async function guarded(fn) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && askToken()) return guarded(fn);
    status(e.message, true);
    throw e;
  }
}

function el(tag, props = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') n.className = v;
    else if (k === 'dataset') Object.assign(n.dataset, v);
    else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else n[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) n.append(c instanceof Node ? c : String(c));
  return n;
}

// ---------------------------------------------------------------- the article with its spans

function spans(ev) {
  const out = [];
  const roles = { actors: 'party', sources: 'source', places: 'place', unresolved: 'unresolved' };
  for (const [list, role] of Object.entries(roles)) {
    for (const e of ev[list] || []) {
      for (const m of e.mentions || []) out.push({ start: m.span[0], end: m.span[1], cls: 'm-' + role, key: 'e:' + e.id });
    }
  }
  for (const c of ev.claims || []) {
    out.push({ start: c.span[0], end: c.span[1], cls: 'c-claim', key: 'c:' + c.id });
    if (c['offer-span']) out.push({ start: c['offer-span'][0], end: c['offer-span'][1], cls: 'c-claim', key: 'c:' + c.id });
  }
  return out.filter((s) => s.start >= 0 && s.end > s.start);
}

function renderArticle(text, ev) {
  const all = spans(ev);
  const cuts = new Set([0, text.length]);
  for (const s of all) { cuts.add(Math.min(s.start, text.length)); cuts.add(Math.min(s.end, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = $('article');
  box.replaceChildren();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const over = all.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!over.length) { box.append(piece); continue; }
    const seg = el('span', { class: 'seg ' + [...new Set(over.map((s) => s.cls))].join(' ') }, piece);
    seg.dataset.keys = ' ' + over.map((s) => s.key).join(' ') + ' ';
    seg.dataset.start = a;
    box.append(seg);
  }
}

function focus(key) {
  document.querySelectorAll('#article .seg.focus').forEach((s) => s.classList.remove('focus'));
  if (!key) return;
  const segs = document.querySelectorAll(`#article .seg[data-keys*=" ${CSS.escape(key)} "]`);
  segs.forEach((s) => s.classList.add('focus'));
  if (segs.length) segs[0].scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------- decisions

function decide(kind, id, change) {
  const d = { ...(review[kind][id] || { status: 'proposed' }), ...change };
  if (d.status === 'proposed' && d.name === undefined && d.value === undefined) delete review[kind][id];
  else review[kind][id] = d;
  const row = document.querySelector(`tr[data-kind="${kind}"][data-id="${CSS.escape(id)}"]`);
  if (row) {
    const s = review[kind][id]?.status || 'proposed';
    row.className = s;
    row.querySelector('button.accept').classList.toggle('on', s === 'accepted' || s === 'edited');
    row.querySelector('button.reject').classList.toggle('on', s === 'rejected');
  }
}

function actions(kind, id) {
  const toggle = (to) => () => {
    const now = review[kind][id]?.status;
    if (now === to) decide(kind, id, { status: 'proposed', name: undefined, value: undefined });
    else decide(kind, id, { status: to });
  };
  return el('td', { class: 'actions' },
    el('button', { class: 'accept', title: 'accept as drafted', onclick: toggle('accepted') }, 'Accept'), ' ',
    el('button', { class: 'reject', title: 'reject: it leaves the scenario with what only it supports', onclick: toggle('rejected') }, 'Reject'));
}

function row(kind, id, key, cells) {
  const tr = el('tr', { dataset: { kind, id }, onmouseenter: () => focus(key), onmouseleave: () => focus(null) });
  tr.append(...cells, actions(kind, id));
  return tr;
}

function nameInput(kind, id, name) {
  return el('input', {
    type: 'text', value: name, class: 'name', title: 'edit the name',
    onchange: (e) => decide(kind, id, { status: 'edited', name: e.target.value }),
  });
}

// ---------------------------------------------------------------- the draft's items

const mentions = (n) => `${n} mention${n === 1 ? '' : 's'}`;

function render(d) {
  const tree = d.draft;
  const ev = tree.draft;
  review = fresh();
  renderArticle(d.text, ev);
  const c = d.counts;
  $('counts').textContent = `${c.sentences} sentences, ${c.actors} actors, ${c.sources} sources, ${c.issues} issues, `
    + `${c.claims} claims, ${c.unresolved} unresolved names`;
  const evActor = Object.fromEntries((ev.actors || []).map((a) => [a.id, a]));

  $('actors').replaceChildren(el('tr', {}, el('th', {}, 'Actor'), el('th', {}, 'Type'), el('th', {}, 'Mentions'), el('th', {}, '')));
  for (const a of tree.actors || []) {
    const e = evActor[a.id] || { mentions: [] };
    const words = [...new Set(e.mentions.map((m) => m.text))].join(', ');
    const notes = (e.notes || []).map((n) => el('div', {}, el('small', {}, n)));
    $('actors').append(row('actors', a.id, 'e:' + a.id, [
      el('td', {}, nameInput('actors', a.id, a.name), ...notes),
      el('td', {}, `${a.attributes?.type || ''} ${a.attributes?.key || ''}`),
      el('td', {}, `${e.mentions.length}: `, el('small', {}, words)),
    ]));
  }
  $('sources').replaceChildren(...(ev.sources || []).map((s) => el('li', {
    onmouseenter: () => focus('e:' + s.id), onmouseleave: () => focus(null),
  }, s.name, ' ', el('small', {}, `${s.type}${s.affiliation ? ', ' + s.affiliation : ''}; ${mentions(s.mentions.length)}`))));

  const evIssue = Object.fromEntries((ev.issues || []).map((i) => [i.id, i]));
  $('issues').replaceChildren(el('tr', {}, el('th', {}, 'Issue'), el('th', {}, 'Scale'), el('th', {}, 'Claims'), el('th', {}, '')));
  for (const i of tree.issues || []) {
    const claims = evIssue[i.id]?.claims || [];
    const tr = row('issues', i.id, null, [
      el('td', {}, nameInput('issues', i.id, i.name)),
      el('td', {}, el('small', {}, `${i.scale.min} ${i.scale.low} ... ${i.scale.max} ${i.scale.high}`)),
      el('td', {}, claims.join(', ')),
    ]);
    tr.addEventListener('mouseenter', () => claims.forEach((cid, k) => k === 0 ? focus('c:' + cid)
      : document.querySelectorAll(`#article .seg[data-keys*=" c:${CSS.escape(cid)} "]`).forEach((s) => s.classList.add('focus'))));
    $('issues').append(tr);
  }

  const actorIds = new Set((tree.actors || []).map((a) => a.id));
  $('claims').replaceChildren(el('tr', {}, el('th', {}, 'Claim'), el('th', {}, 'Holder'), el('th', {}, 'Text'),
    el('th', {}, 'Issue'), el('th', {}, 'Position'), el('th', {}, '')));
  for (const cl of ev.claims || []) {
    const positional = ['demand', 'aim', 'trade', 'offer'].includes(cl.type) && cl.issue && actorIds.has(cl.holder);
    const value = positional ? el('input', {
      type: 'number', min: 0, max: 100, step: 'any', class: 'value', placeholder: cl.type === 'offer' ? 'open' : (cl.against ? '0' : '100'),
      title: 'the position this claim gives its holder on the issue (0-100)',
      onchange: (e) => decide('claims', cl.id, e.target.value === '' ? { value: undefined }
        : { status: 'edited', value: Number(e.target.value) }),
    }) : el('small', {}, cl.type === 'condition' ? `branches: ${(cl.branches || []).join(', ')}` : '');
    const text = el('td', { class: 'quote' }, cl.offer ? `"${cl.offer}" for "${cl.text}"` : `"${cl.text}"`,
      el('div', {}, el('small', {}, `${cl.cue} (${cl.rule}, ${cl.confidence}, sentence ${cl.sentence})`
        + (cl.source ? `; source ${cl.source}` : ''))));
    $('claims').append(row('claims', cl.id, 'c:' + cl.id, [
      el('td', {}, `${cl.id} ${cl.type}`), el('td', {}, cl.holder), text,
      el('td', {}, cl.issue || cl['applies-to'] || ''), el('td', {}, value),
    ]));
  }

  const names = [...(ev.unresolved || []).map((e) => [e, 'unresolved']), ...(ev.places || []).map((e) => [e, 'place'])];
  $('mappings').replaceChildren(el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Drafted as'), el('th', {}, 'Is')));
  if (!names.length) $('mappings').append(el('tr', {}, el('td', { colSpan: 3, class: 'empty' }, 'none')));
  for (const [e, as] of names) {
    const select = el('select', {
      dataset: { map: e.id },
      onchange: (x) => { if (x.target.value) review.mappings[e.id] = x.target.value; else delete review.mappings[e.id]; },
    }, el('option', { value: '' }, as === 'place' ? 'a place (leave it)' : 'unresolved (leave it)'),
    el('option', { value: 'new' }, 'an actor of its own'),
    ...(tree.actors || []).map((a) => el('option', { value: a.id }, a.name)));
    $('mappings').append(el('tr', { onmouseenter: () => focus('e:' + e.id), onmouseleave: () => focus(null) },
      el('td', {}, e.name, ' ', el('small', {}, mentions(e.mentions.length))), el('td', {}, `${as} (${e.type})`),
      el('td', {}, select)));
  }
  $('scenario-id').value = tree.id;
  $('scenario-title').value = tree.title;
  $('created').replaceChildren();
  $('legend').hidden = false;
  $('columns').hidden = false;
}

// ---------------------------------------------------------------- drafting and creating

async function articleText() {
  const pasted = $('article-text').value;
  if (pasted.trim()) return pasted;
  const f = $('article-file').files[0];
  if (f) return f.text();
  return '';
}

async function draft() {
  const text = await articleText();
  if (!text.trim()) { status('choose an article file or paste its text', true); return; }
  status('drafting ...');
  current = await guarded(() => call('POST', '/api/draft', { name: $('article-name').value, text }));
  render(current);
  status(`drafted ${current.name}`);
}

function decisions() {
  const out = {};
  for (const kind of ['actors', 'issues', 'claims']) {
    const ds = {};
    for (const [id, d] of Object.entries(review[kind])) {
      const x = { status: d.status };
      if (d.name !== undefined) x.name = d.name;
      if (d.value !== undefined) x.value = d.value;
      ds[id] = x;
    }
    out[kind] = ds;
  }
  out.mappings = { ...review.mappings };
  return out;
}

async function create() {
  if (!current) return;
  status('creating the scenario ...');
  const body = { name: current.name, text: current.text, id: $('scenario-id').value.trim(),
    title: $('scenario-title').value.trim(), review: decisions() };
  let saved;
  try {
    saved = await guarded(() => call('POST', '/api/draft/scenario', body));
  } catch (e) {
    const box = $('created');
    box.replaceChildren(el('div', { class: 'problem' }, e.message),
      ...(e.problems || []).map((p) => el('div', { class: 'problem' }, `${p.path}: ${p.message}`)));
    return;
  }
  const link = el('a', { href: '/' }, 'open the scenarios');
  $('created').replaceChildren(
    el('p', { class: 'ok', id: 'created-id', dataset: { id: saved.id } },
      `Created scenario ${saved.id} (version ${saved.version}); ${saved.open} values left open.`),
    el('p', { class: 'hint' }, 'A forecast refuses open values: fill them in the editor (', link, '), or accept their '
      + 'defaults through the API ("acceptDefaults": true) or the command line (--accept-defaults).'),
    ...saved.problems.slice(0, 8).map((p) => el('div', { class: 'problem' }, `${p.path}: ${p.message}`)));
  $('created').scrollIntoView({ block: 'nearest' });
  status(`created ${saved.id}`);
}

$('draft').addEventListener('click', () => draft().catch(() => {}));
$('create').addEventListener('click', () => create().catch(() => {}));
$('article-file').addEventListener('change', () => {
  const f = $('article-file').files[0];
  if (f) $('article-name').value = f.name;
});
