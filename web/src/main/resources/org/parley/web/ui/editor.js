// The scenario editor: the scenario's title, description and talks; issues (add, rename, remove,
// their scale, status quo and who must agree) and their threshold questions; the actors x issues
// grid (add, rename, remove actors; position / salience per issue); branches (branches.js); the
// articles and the inspector (inspector.js). Every input carries data-path, the field path the
// server's validation problems name, so an error is shown at its field, and a label.
import { renderBranches } from '/branches.js';
import { inspect, renderSources } from '/inspector.js';

export const num = e => (e === null || e === undefined) ? null : (typeof e === 'number' ? e : e.value);

/** A conditional position's condition in words: "denuclearisation ≥ 30", "all of (…)". */
export function conditionText(c) {
  if (!c || typeof c !== 'object') return '';
  if (c.all || c.any) return `${c.all ? 'all' : 'any'} of (${(c.all || c.any).map(conditionText).join(', ')})`;
  const parts = [];
  if (c['at-least'] !== undefined) parts.push(`≥ ${c['at-least']}`);
  if (c['at-most'] !== undefined) parts.push(`≤ ${c['at-most']}`);
  return `${c.issue} ${parts.join(' and ')}`;
}

/** "if denuclearisation ≥ 30, otherwise 5" for a conditional position, else ''. */
export function conditionalText(e) {
  if (!e || typeof e !== 'object' || !e.if) return '';
  return `if ${conditionText(e.if)}, otherwise ${num(e.otherwise)}`;
}

export function el(tag, attrs = {}, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') n.className = v; else if (k === 'text') n.textContent = v;
    else if (v !== undefined && v !== null) n.setAttribute(k, v);
  }
  for (const k of kids) if (k !== null && k !== undefined) n.append(k);
  return n;
}

/** Sets a value that may be a bare number or an estimate object, keeping its provenance. */
export function setValue(holder, key, v) {
  if (v === null) { delete holder[key]; return; }
  if (holder[key] !== null && typeof holder[key] === 'object') holder[key].value = v; else holder[key] = v;
}

const ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A labelled text field and an "Add" button; the callback gets the trimmed values. */
export function addForm(name, fields, onAdd) {
  const inputs = fields.map(f => el('input', { type: 'text', id: `${name}-${f.key}`, placeholder: f.placeholder || '' }));
  const button = el('button', { type: 'button', id: `add-${name}`, text: `Add ${name.replace('-', ' ')}` });
  const msg = el('span', { class: 'form-error', role: 'alert' });
  button.addEventListener('click', () => {
    const values = inputs.map(i => i.value.trim());
    const error = onAdd(...values);
    msg.textContent = error || '';
    if (!error) inputs.forEach(i => { i.value = ''; });
  });
  return el('p', { class: 'add-form' }, ...fields.flatMap((f, k) => [el('label', { for: inputs[k].id, text: f.label + ' ' }), inputs[k], ' ']),
    button, ' ', msg);
}

export class Editor {
  /** @param actions {onChange(), attach(sourceId, title, text)} */
  constructor(actions) {
    this.actions = actions;
    this.onChange = actions.onChange;
    this.doc = null;
    this.sources = [];
    this.selected = null;
  }

  load(scenario) {
    this.doc = structuredClone(scenario.document);
    this.sources = scenario.sources || [];
    this.render();
  }

  /** The estimate object at a path, replacing a bare number by {value} so it can carry more. */
  estimate(path, create = false) {
    const parts = path.match(/[^.[\]]+/g);
    let o = this.doc;
    for (let i = 0; i < parts.length - 1; i++) o = o[/^\d+$/.test(parts[i]) ? +parts[i] : parts[i]];
    const last = parts[parts.length - 1];
    if (create && (typeof o[last] === 'number' || o[last] === undefined || o[last] === null)) o[last] = { value: o[last] ?? null };
    return { holder: o, key: last, value: o[last] };
  }

  /** Re-renders everything after a structural edit (add or remove), then validates. */
  changed() {
    const keep = this.selected;
    this.render();
    if (keep) { try { if (this.estimate(keep).value !== undefined) this.inspect(keep); } catch (e) { /* gone */ } }
    this.onChange();
  }

  render() {
    const d = this.doc;
    this.renderHeader(d);
    this.renderIssues(d);
    this.renderQuestions(d);
    this.renderGrid(d);
    renderBranches(this, d);
    renderSources(this, d);
    this.inspect(null);
  }

  inspect(path) {
    inspect(this, path);
  }

  input(path, value, cls = '', label = path) {
    const e = this.estimate(path).value;
    const i = el('input', { type: 'number', step: 'any', 'data-path': path, class: cls, 'aria-label': label });
    i.value = value ?? '';
    if (e && typeof e === 'object') {
      if (e.source) { i.classList.add('sourced'); i.title = e.quote ? `“${e.quote}” (${e.source})` : e.source; }
      else if (e.judgement) { i.classList.add('judged'); i.title = 'Judgement: ' + e.judgement; }
      if (e.if) { i.classList.add('conditional'); i.title = `${conditionalText(e)}\n${i.title}`; }
    }
    i.addEventListener('change', () => {
      const t = this.estimate(path);
      setValue(t.holder, t.key, i.value === '' ? null : Number(i.value));
      this.onChange();
    });
    i.addEventListener('focus', () => this.inspect(path));
    i.addEventListener('click', () => this.inspect(path));
    return i;
  }

  textInput(obj, key, path, label = path) {
    const i = el('input', { type: 'text', 'data-path': path, 'aria-label': label });
    i.value = obj[key] ?? '';
    i.addEventListener('change', () => {
      if (i.value.trim() === '' && key !== 'title') delete obj[key]; else obj[key] = i.value;
      this.onChange();
    });
    return i;
  }

  /** Title, description and the chance of talks at all (the base world's). */
  renderHeader(d) {
    const box = document.getElementById('scenario-fields');
    const desc = el('textarea', { id: 'scenario-description', 'data-path': 'description', rows: '2' });
    desc.value = d.description || '';
    desc.addEventListener('change', () => { if (desc.value.trim()) d.description = desc.value; else delete d.description; this.onChange(); });
    const talks = el('input', { type: 'number', step: 'any', min: '0', max: '1', id: 'scenario-talks', 'data-path': 'talks.probability' });
    talks.value = num(d.talks?.probability) ?? '';
    talks.addEventListener('change', () => {
      if (talks.value === '') delete d.talks;
      else { d.talks = d.talks || {}; setValue(d.talks, 'probability', Number(talks.value)); }
      this.onChange();
    });
    const title = this.textInput(d, 'title', 'title');
    title.id = 'scenario-title-input';
    box.replaceChildren(
      el('p', {}, el('label', { for: title.id, text: 'Title ' }), title, ' ',
        el('label', { for: talks.id, text: 'Chance of talks (0-1, empty: 1) ' }), talks),
      el('p', {}, el('label', { for: desc.id, text: 'Description ' }), desc));
  }

  renderIssues(d) {
    const t = document.getElementById('issues');
    t.replaceChildren(el('tr', {}, ...['Issue', 'Name', 'Min', 'Max', 'Low end means', 'High end means', 'Status quo',
      'Rule', 'Quota', 'Votes', 'Must consent', 'Remove']
      .map(h => el('th', { text: h, scope: 'col' }))));
    d.issues.forEach((iss, k) => {
      const p = `issues[${k}]`;
      const bound = key => {
        const i = el('input', { type: 'number', step: 'any', 'data-path': `${p}.scale.${key}`, 'aria-label': `${iss.id} scale ${key}` });
        i.value = iss.scale[key];
        i.addEventListener('change', () => { iss.scale[key] = Number(i.value); this.onChange(); });
        return i;
      };
      const sq = this.input(`${p}.status-quo`, num(iss['status-quo']), '', `${iss.id} status quo`);
      const drop = el('button', { type: 'button', class: 'drop', 'aria-label': `remove issue ${iss.id}`, text: '×' });
      drop.addEventListener('click', () => this.removeIssue(iss.id));
      t.append(el('tr', { 'data-issue': iss.id }, el('th', { scope: 'row' }, iss.id, ' ', this.renameButton('issue', iss.id)),
        el('td', {}, this.textInput(iss, 'name', `${p}.name`, `${iss.id} name`)),
        el('td', {}, bound('min')), el('td', {}, bound('max')),
        el('td', {}, this.textInput(iss.scale, 'low', `${p}.scale.low`, `${iss.id}: what the low end means`)),
        el('td', {}, this.textInput(iss.scale, 'high', `${p}.scale.high`, `${iss.id}: what the high end means`)),
        el('td', {}, sq), ...this.ruleCells(iss, p), el('td', {}, drop)));
    });
    const box = document.getElementById('issue-add');
    box.replaceChildren(addForm('issue', [{ key: 'id', label: 'New issue id', placeholder: 'e.g. tariffs' },
      { key: 'name', label: 'name', placeholder: 'what is decided' }], (id, name) => this.addIssue(id, name)));
  }

  /** Who must agree on an issue: its rule, quota, votes and consent list (ids, comma-separated). */
  ruleCells(iss, p) {
    const rule = el('select', { 'data-path': `${p}.rule`, 'aria-label': `${iss.id} decision rule` });
    for (const r of ['bargaining', 'majority', 'qualified-majority', 'unanimity']) rule.append(new Option(r, r));
    rule.value = iss.rule || 'bargaining';
    rule.addEventListener('change', () => { iss.rule = rule.value; this.onChange(); });
    const quota = el('input', { type: 'number', step: 'any', min: '0.5', max: '1', 'data-path': `${p}.quota`, 'aria-label': `${iss.id} quota` });
    quota.value = iss.quota ?? '';
    quota.addEventListener('change', () => {
      if (quota.value === '') delete iss.quota; else iss.quota = Number(quota.value);
      this.onChange();
    });
    const votes = el('input', { type: 'text', 'data-path': `${p}.votes`, placeholder: 'capability', 'aria-label': `${iss.id} votes` });
    votes.value = iss.votes ?? '';
    votes.addEventListener('change', () => {
      if (votes.value.trim() === '') delete iss.votes; else iss.votes = votes.value.trim();
      this.onChange();
    });
    const consent = el('input', { type: 'text', 'data-path': `${p}.consent`, placeholder: 'actor ids', 'aria-label': `${iss.id}: who must consent` });
    consent.value = (iss.consent || []).join(', ');
    consent.addEventListener('change', () => {
      const ids = consent.value.split(',').map(x => x.trim()).filter(x => x);
      if (ids.length) iss.consent = ids; else delete iss.consent;
      this.onChange();
    });
    return [el('td', {}, rule), el('td', {}, quota), el('td', {}, votes), el('td', {}, consent)];
  }

  /** The threshold questions the bottom line answers: issue, above / below a value, the question. */
  renderQuestions(d) {
    const t = document.getElementById('questions');
    t.replaceChildren(el('tr', {}, ...['Issue', 'Id', 'Yes when', 'Value', 'Question', 'Remove'].map(h => el('th', { text: h, scope: 'col' }))));
    d.issues.forEach((iss, k) => (iss.thresholds || []).forEach((q, n) => {
      const p = `issues[${k}].thresholds[${n}]`;
      const above = 'above' in q;
      const v = el('input', { type: 'number', step: 'any', 'data-path': `${p}.${above ? 'above' : 'below'}`, 'aria-label': `${q.id} value` });
      v.value = above ? q.above : q.below;
      v.addEventListener('change', () => { q[above ? 'above' : 'below'] = Number(v.value); this.onChange(); });
      const drop = el('button', { type: 'button', class: 'drop', 'aria-label': `remove question ${q.id}`, text: '×' });
      drop.addEventListener('click', () => { iss.thresholds.splice(n, 1); if (!iss.thresholds.length) delete iss.thresholds; this.changed(); });
      t.append(el('tr', {}, el('td', { text: iss.id }), el('td', { text: q.id }), el('td', { text: above ? 'above' : 'below' }),
        el('td', {}, v), el('td', {}, this.textInput(q, 'question', `${p}.question`, `${q.id} question`)), el('td', {}, drop)));
    }));
    const issue = el('select', { id: 'question-issue', 'aria-label': 'issue of the new question' }, ...d.issues.map(i => new Option(i.id, i.id)));
    const dir = el('select', { id: 'question-dir', 'aria-label': 'yes when the forecast is' }, new Option('above', 'above'), new Option('below', 'below'));
    const value = el('input', { type: 'number', step: 'any', id: 'question-value', 'aria-label': 'threshold value' });
    const text = el('input', { type: 'text', id: 'question-text', placeholder: 'the question in words', 'aria-label': 'question' });
    const add = el('button', { type: 'button', id: 'add-question', text: 'Add question' });
    add.addEventListener('click', () => {
      const iss = d.issues.find(i => i.id === issue.value);
      if (!iss || value.value === '') return;
      iss.thresholds = iss.thresholds || [];
      let id = `${iss.id}-${dir.value}-${value.value}`.replace(/[^A-Za-z0-9._-]/g, '_');
      while (iss.thresholds.some(q => q.id === id)) id += '-2';
      const q = { id, [dir.value]: Number(value.value) };
      if (text.value.trim()) q.question = text.value.trim();
      iss.thresholds.push(q);
      this.changed();
    });
    document.getElementById('question-add').replaceChildren(el('p', { class: 'add-form' }, 'New question: ', issue, ' ', dir, ' ', value, ' ', text, ' ', add));
  }

  renderGrid(d) {
    const t = document.getElementById('grid');
    t.replaceChildren(el('tr', {}, el('th', { text: 'Actor', scope: 'col' }), el('th', { text: 'Name', scope: 'col' }),
      el('th', { text: 'Capability', scope: 'col' }),
      ...d.issues.map(i => el('th', { title: i.name || '', text: i.id, scope: 'col' })), el('th', { text: 'Remove', scope: 'col' })));
    d.actors.forEach((a, n) => {
      const drop = el('button', { type: 'button', class: 'drop', 'aria-label': `remove actor ${a.id}`, text: '×' });
      drop.addEventListener('click', () => this.removeActor(a.id));
      const row = el('tr', { 'data-actor': a.id }, el('th', { scope: 'row' }, a.id, ' ', this.renameButton('actor', a.id)),
        el('td', {}, this.textInput(a, 'name', `actors[${n}].name`, `${a.id} name`)),
        el('td', {}, this.input(`actors[${n}].capability`, num(a.capability), '', `${a.id} capability`)));
      for (const iss of d.issues) {
        const st = a.stances?.[iss.id];
        const td = el('td', { 'data-issue': iss.id });
        if (st) {
          const base = `actors[${n}].stances.${iss.id}`;
          td.append(el('div', { class: 'cell' }, this.input(`${base}.position`, num(st.position), 'pos', `${a.id} position on ${iss.id}`),
            this.input(`${base}.salience`, num(st.salience), 'sal', `${a.id} salience of ${iss.id}`)));
          const cond = conditionalText(st.position);
          if (cond) td.append(el('div', { class: 'condition', 'data-path': `${base}.position.if`, text: cond }));
        } else {
          const add = el('button', { type: 'button', class: 'add-stance', 'aria-label': `give ${a.id} a stance on ${iss.id}`, text: '+ stance' });
          add.addEventListener('click', () => {
            a.stances = a.stances || {};
            a.stances[iss.id] = { position: (iss.scale.min + iss.scale.max) / 2, salience: 50 };
            this.changed();
          });
          td.append(add);
        }
        row.append(td);
      }
      row.append(el('td', {}, drop));
      t.append(row);
    });
    document.getElementById('actor-add').replaceChildren(addForm('actor', [{ key: 'id', label: 'New actor id', placeholder: 'e.g. eu' },
      { key: 'name', label: 'name', placeholder: 'who it is' }], (id, name) => this.addActor(id, name)));
  }

  addIssue(id, name) {
    const d = this.doc;
    if (!ID.test(id)) return 'an id is 1 to 100 letters, digits, ".", "_" or "-"';
    if (d.issues.some(i => i.id === id)) return `there is already an issue ${id}`;
    d.issues.push({ id, ...(name ? { name } : {}), scale: { min: 0, max: 100 } });
    for (const a of d.actors) { a.stances = a.stances || {}; a.stances[id] = { position: 50, salience: 50 }; }
    this.changed();
    return null;
  }

  addActor(id, name) {
    const d = this.doc;
    if (!ID.test(id)) return 'an id is 1 to 100 letters, digits, ".", "_" or "-"';
    if (d.actors.some(a => a.id === id)) return `there is already an actor ${id}`;
    const stances = {};
    for (const i of d.issues) stances[i.id] = { position: (i.scale.min + i.scale.max) / 2, salience: 50 };
    d.actors.push({ id, ...(name ? { name } : {}), capability: 50, stances });
    this.changed();
    return null;
  }

  /** A small button that asks for a new id and renames the actor or issue everywhere it is named. */
  renameButton(kind, id) {
    const b = el('button', { type: 'button', class: 'rename', 'aria-label': `rename ${kind} ${id}`, title: `rename ${id}`, text: '✎' });
    b.addEventListener('click', () => {
      const to = window.prompt(`New id for the ${kind} ${id} (its name stays as it is):`, id);
      if (to === null || to.trim() === id) return;
      const error = this.renameId(kind, id, to.trim());
      if (error) window.alert(error);
    });
    return b;
  }

  /** Renames an actor's or issue's id and every reference to it (stances, consent lists, branch changes, conditions). */
  renameId(kind, from, to) {
    const d = this.doc;
    if (!ID.test(to)) return 'an id is 1 to 100 letters, digits, ".", "_" or "-"';
    const list = kind === 'actor' ? d.actors : d.issues;
    if (list.some(x => x.id === to)) return `there is already an ${kind} ${to}`;
    list.find(x => x.id === from).id = to;
    const cond = c => {
      if (!c || typeof c !== 'object') return;
      if (c.issue === from) c.issue = to;
      (c.all || c.any || []).forEach(cond);
    };
    const estimate = e => { if (e && typeof e === 'object') cond(e.if); };
    for (const b of d.branches || []) {
      for (const c of b.changes || []) {
        if (c[kind] === from) c[kind] = to;
        if (kind === 'issue') estimate(c.position);
      }
    }
    if (kind === 'actor') {
      for (const i of d.issues) if (i.consent) i.consent = i.consent.map(x => (x === from ? to : x));
    } else {
      for (const a of d.actors) {
        if (a.stances && from in a.stances) {
          a.stances = Object.fromEntries(Object.entries(a.stances).map(([k, v]) => [k === from ? to : k, v]));
        }
        for (const st of Object.values(a.stances || {})) estimate(st.position);
      }
    }
    this.changed();
    return null;
  }

  /** Removes an actor and what refers to it: its branch changes and its place in consent lists. */
  removeActor(id) {
    if (!window.confirm(`Remove the actor ${id}, its stances and the branch changes that name it?`)) return;
    const d = this.doc;
    d.actors = d.actors.filter(a => a.id !== id);
    for (const i of d.issues) {
      if (i.consent) { i.consent = i.consent.filter(x => x !== id); if (!i.consent.length) delete i.consent; }
    }
    for (const b of d.branches || []) b.changes = (b.changes || []).filter(c => c.actor !== id);
    this.changed();
  }

  /** Removes an issue and what refers to it: stances, branch changes (a condition on it is left for validation to show). */
  removeIssue(id) {
    if (!window.confirm(`Remove the issue ${id}, every stance on it and the branch changes that name it?`)) return;
    const d = this.doc;
    d.issues = d.issues.filter(i => i.id !== id);
    for (const a of d.actors) if (a.stances) delete a.stances[id];
    for (const b of d.branches || []) b.changes = (b.changes || []).filter(c => c.issue !== id);
    this.changed();
  }

  /** Marks the fields that have problems; returns the problems no field took. */
  showProblems(problems) {
    document.querySelectorAll('.invalid').forEach(i => i.classList.remove('invalid'));
    document.querySelectorAll('#tab-editor .field-error[data-path]').forEach(x => x.remove());
    const inputs = [...document.querySelectorAll('#tab-editor input[data-path], #tab-editor textarea[data-path], #tab-editor select[data-path]')];
    const rest = [];
    for (const p of problems) {
      if (p.severity !== 'error') { rest.push(p); continue; }
      const target = inputs.filter(i => p.path === i.dataset.path || p.path.startsWith(i.dataset.path + '.'))
        .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
      if (target) {
        target.classList.add('invalid');
        target.title = p.message;
        target.setAttribute('aria-invalid', 'true');
        const msg = el('div', { class: 'field-error', 'data-path': p.path, text: p.message });
        (target.closest('td') || target.parentElement).append(msg);
      }
      rest.push(p);
    }
    return rest;
  }
}
