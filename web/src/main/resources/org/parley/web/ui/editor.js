// The scenario editor: issues, the actors x issues grid (position / salience), branches, and
// the inspector with each value's range and provenance. Every input carries data-path, the
// field path the server's validation problems name, so an error is shown at its field.

const num = e => (e === null || e === undefined) ? null : (typeof e === 'number' ? e : e.value);

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

function el(tag, attrs = {}, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') n.className = v; else if (k === 'text') n.textContent = v;
    else if (v !== undefined && v !== null) n.setAttribute(k, v);
  }
  for (const k of kids) if (k !== null && k !== undefined) n.append(k);
  return n;
}

export class Editor {
  constructor(onChange) {
    this.onChange = onChange;
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
    if (create && typeof o[last] === 'number') o[last] = { value: o[last] };
    return { holder: o, key: last, value: o[last] };
  }

  render() {
    const d = this.doc;
    this.renderIssues(d);
    this.renderGrid(d);
    this.renderBranches(d);
    this.inspect(null);
  }

  input(path, value, cls = '') {
    const e = this.estimate(path).value;
    const i = el('input', { type: 'number', step: 'any', 'data-path': path, class: cls });
    i.value = value ?? '';
    if (e && typeof e === 'object') {
      if (e.source) { i.classList.add('sourced'); i.title = e.quote ? `“${e.quote}” (${e.source})` : e.source; }
      else if (e.judgement) { i.classList.add('judged'); i.title = 'Judgement: ' + e.judgement; }
      if (e.if) { i.classList.add('conditional'); i.title = `${conditionalText(e)}\n${i.title}`; }
    }
    i.addEventListener('change', () => {
      const t = this.estimate(path);
      const v = i.value === '' ? null : Number(i.value);
      if (t.value !== null && typeof t.value === 'object') t.value.value = v; else t.holder[t.key] = v;
      this.onChange();
    });
    i.addEventListener('focus', () => this.inspect(path));
    i.addEventListener('click', () => this.inspect(path));
    return i;
  }

  textInput(obj, key, path) {
    const i = el('input', { type: 'text', 'data-path': path });
    i.value = obj[key] ?? '';
    i.addEventListener('change', () => { obj[key] = i.value; this.onChange(); });
    return i;
  }

  renderIssues(d) {
    const t = document.getElementById('issues');
    t.replaceChildren(el('tr', {}, ...['Issue', 'Min', 'Max', 'Low end means', 'High end means', 'Status quo',
      'Rule', 'Quota', 'Votes', 'Must consent']
      .map(h => el('th', { text: h }))));
    d.issues.forEach((iss, k) => {
      const p = `issues[${k}]`;
      const minI = el('input', { type: 'number', step: 'any', 'data-path': `${p}.scale.min` });
      minI.value = iss.scale.min;
      minI.addEventListener('change', () => { iss.scale.min = Number(minI.value); this.onChange(); });
      const maxI = el('input', { type: 'number', step: 'any', 'data-path': `${p}.scale.max` });
      maxI.value = iss.scale.max;
      maxI.addEventListener('change', () => { iss.scale.max = Number(maxI.value); this.onChange(); });
      const sqKey = 'status-quo';
      const sq = iss[sqKey] === undefined ? el('span', { class: 'empty', text: 'none' })
        : this.input(`${p}.${sqKey}`, num(iss[sqKey]));
      t.append(el('tr', {}, el('th', { title: iss.id, text: iss.name || iss.id }),
        el('td', {}, minI), el('td', {}, maxI),
        el('td', {}, this.textInput(iss.scale, 'low', `${p}.scale.low`)),
        el('td', {}, this.textInput(iss.scale, 'high', `${p}.scale.high`)), el('td', {}, sq),
        ...this.ruleCells(iss, p)));
    });
  }

  /** Who must agree on an issue: its rule, quota, votes and consent list (ids, comma-separated). */
  ruleCells(iss, p) {
    const rule = el('select', { 'data-path': `${p}.rule` });
    for (const r of ['bargaining', 'majority', 'qualified-majority', 'unanimity']) {
      const o = el('option', { text: r });
      o.value = r;
      rule.append(o);
    }
    rule.value = iss.rule || 'bargaining';
    rule.addEventListener('change', () => { iss.rule = rule.value; this.onChange(); });
    const quota = el('input', { type: 'number', step: 'any', min: '0.5', max: '1', 'data-path': `${p}.quota` });
    quota.value = iss.quota ?? '';
    quota.addEventListener('change', () => {
      if (quota.value === '') delete iss.quota; else iss.quota = Number(quota.value);
      this.onChange();
    });
    const votes = el('input', { type: 'text', 'data-path': `${p}.votes`, placeholder: 'capability' });
    votes.value = iss.votes ?? '';
    votes.addEventListener('change', () => {
      if (votes.value.trim() === '') delete iss.votes; else iss.votes = votes.value.trim();
      this.onChange();
    });
    const consent = el('input', { type: 'text', 'data-path': `${p}.consent`, placeholder: 'actor ids' });
    consent.value = (iss.consent || []).join(', ');
    consent.addEventListener('change', () => {
      const ids = consent.value.split(',').map(x => x.trim()).filter(x => x);
      if (ids.length) iss.consent = ids; else delete iss.consent;
      this.onChange();
    });
    return [el('td', {}, rule), el('td', {}, quota), el('td', {}, votes), el('td', {}, consent)];
  }

  renderGrid(d) {
    const t = document.getElementById('grid');
    t.replaceChildren(el('tr', {}, el('th', { text: 'Actor' }), el('th', { text: 'Capability' }),
      ...d.issues.map(i => el('th', { title: i.name, text: i.id }))));
    d.actors.forEach((a, n) => {
      const row = el('tr', { 'data-actor': a.id }, el('th', { title: a.id, text: a.name || a.id }),
        el('td', {}, this.input(`actors[${n}].capability`, num(a.capability))));
      for (const iss of d.issues) {
        const st = a.stances?.[iss.id];
        const td = el('td', { 'data-issue': iss.id });
        if (st) {
          const base = `actors[${n}].stances.${iss.id}`;
          td.append(el('div', { class: 'cell' }, this.input(`${base}.position`, num(st.position), 'pos'),
            this.input(`${base}.salience`, num(st.salience), 'sal')));
          const cond = conditionalText(st.position);
          if (cond) td.append(el('div', { class: 'condition', 'data-path': `${base}.position.if`, text: cond }));
        } else {
          td.append(el('span', { class: 'empty', text: 'absent' }));
        }
        row.append(td);
      }
      t.append(row);
    });
  }

  renderBranches(d) {
    const box = document.getElementById('branches');
    box.replaceChildren();
    const fields = ['position', 'salience', 'capability', 'status-quo'];
    (d.branches || []).forEach((b, n) => {
      const t = el('table', { class: 'grid', 'data-branch': b.id },
        el('tr', {}, ...['Actor', 'Issue', 'Changes', 'To', ''].map(h => el('th', { text: h }))));
      (b.changes || []).forEach((c, k) => {
        const f = fields.find(x => c[x] !== undefined);
        const cell = f ? this.input(`branches[${n}].changes[${k}].${f}`, num(c[f])) : el('span', { text: 'removed' });
        const drop = el('button', { type: 'button', title: 'remove this change', text: '×' });
        drop.addEventListener('click', () => { b.changes.splice(k, 1); this.renderBranches(d); this.onChange(); });
        t.append(el('tr', {}, el('td', { text: c.actor || '' }), el('td', { text: c.issue || 'all' }),
          el('td', { text: f || 'remove' }), el('td', {}, cell), el('td', {}, drop)));
      });
      t.append(this.changeForm(d, b));
      const prob = b.probability === undefined ? 'what-if' : `p = ${b.probability}`;
      const drop = el('button', { type: 'button', text: 'Delete branch' });
      drop.addEventListener('click', () => { d.branches.splice(n, 1); this.renderBranches(d); this.onChange(); });
      box.append(el('details', { open: n === 0 ? '' : null, 'data-branch': b.id },
        el('summary', { text: `${b.name || b.id} (${prob})` }),
        el('p', { class: 'hint', text: b.description || '' }), t, drop));
    });
    if (!(d.branches || []).length) box.append(el('p', { class: 'empty', text: 'No branches.' }));
    const id = el('input', { type: 'text', id: 'new-branch-id', placeholder: 'new what-if branch id' });
    const add = el('button', { type: 'button', id: 'add-branch', text: 'Add what-if branch' });
    add.addEventListener('click', () => {
      const v = id.value.trim();
      if (!v) return;
      d.branches = d.branches || [];
      d.branches.push({ id: v, name: v, changes: [] });
      this.renderBranches(d);
      box.querySelector(`details[data-branch="${CSS.escape(v)}"]`)?.setAttribute('open', '');
      this.onChange();
    });
    box.append(el('p', {}, id, ' ', add));
  }

  /** A row to add a change to a branch: actor, issue, which value, the new value. */
  changeForm(d, b) {
    const actor = el('select', {}, ...d.actors.map(a => new Option(a.id, a.id)));
    const issue = el('select', {}, new Option('(capability: all)', ''), ...d.issues.map(i => new Option(i.id, i.id)));
    const field = el('select', {}, ...['position', 'salience', 'capability'].map(f => new Option(f, f)));
    const value = el('input', { type: 'number', step: 'any', placeholder: 'value' });
    const add = el('button', { type: 'button', text: 'Add change' });
    add.addEventListener('click', () => {
      if (value.value === '') return;
      const c = { actor: actor.value };
      if (field.value !== 'capability') c.issue = issue.value || d.issues[0].id;
      c[field.value] = { value: Number(value.value), judgement: 'what-if set in the browser' };
      b.changes = b.changes || [];
      b.changes.push(c);
      this.renderBranches(d);
      document.querySelector(`#branches details[data-branch="${CSS.escape(b.id)}"]`)?.setAttribute('open', '');
      this.onChange();
    });
    return el('tr', { class: 'add-change' }, el('td', {}, actor), el('td', {}, issue), el('td', {}, field),
      el('td', {}, value), el('td', {}, add));
  }

  /** Shows a value's range and provenance; the cited sentence is highlighted in its article. */
  inspect(path) {
    document.querySelectorAll('input.selected').forEach(i => i.classList.remove('selected'));
    const body = document.getElementById('inspector-body');
    body.replaceChildren();
    this.selected = path;
    if (!path) return;
    document.querySelector(`input[data-path="${CSS.escape(path)}"]`)?.classList.add('selected');
    const e = this.estimate(path).value;
    const o = (e !== null && typeof e === 'object') ? e : { value: e };
    body.append(el('p', {}, el('code', { text: path })));
    const range = (key) => {
      const i = el('input', { type: 'number', step: 'any', 'data-path': `${path}.${key}`, id: `range-${key}` });
      i.value = o[key] ?? '';
      i.addEventListener('change', () => {
        const t = this.estimate(path, true).value;
        if (i.value === '') delete t[key]; else t[key] = Number(i.value);
        this.onChange();
      });
      return i;
    };
    body.append(el('p', {}, 'Value ', el('strong', { text: String(o.value) }), '  range ', range('low'), ' to ', range('high')));
    if (o.if) {
      body.append(el('p', { class: 'conditional-note' }, 'Conditional position (read-only here; edit it in the YAML): ',
        el('strong', { text: String(o.value) }), ` ${conditionalText(o)}. The engine reruns the model until the `
        + 'positions the conditions select reproduce themselves.'));
    }
    const prov = el('div', { id: 'provenance' });
    if (o.source) {
      const src = this.sources.find(s => s.id === o.source);
      prov.append(el('p', {}, 'Source: ', el('strong', { text: src?.title || o.source }),
        o.sentence ? ` (sentence ${o.sentence})` : ''));
      if (o.quote) prov.append(el('blockquote', { text: o.quote }));
      const sentences = src?.sentences || [];
      let cited = o.sentence || 0;
      if ((!cited || cited > sentences.length) && o.quote) {
        const q = norm(o.quote);
        cited = sentences.findIndex(s => norm(s).includes(q)) + 1;
      }
      if (sentences.length) {
        const art = el('div', { class: 'article' });
        sentences.forEach((s, i) => {
          const n = i + 1;
          art.append(n === cited ? el('p', {}, el('mark', { class: 'cited', id: 'cited-sentence', text: `[${n}] ${s}` }))
            : el('p', { text: `[${n}] ${s}` }));
        });
        prov.append(art);
        requestAnimationFrame(() => document.getElementById('cited-sentence')?.scrollIntoView({ block: 'center' }));
      } else {
        prov.append(el('p', { class: 'empty', text: 'The text of this source is not attached.' }));
      }
    } else if (o.judgement) {
      prov.append(el('p', {}, 'Analyst judgement: ', el('em', { text: o.judgement })));
    } else {
      prov.append(el('p', { class: 'empty', text: 'No provenance recorded for this value.' }));
    }
    body.append(prov);
  }

  /** Marks the fields that have problems; returns the problems no field took. */
  showProblems(problems) {
    document.querySelectorAll('input.invalid').forEach(i => i.classList.remove('invalid'));
    document.querySelectorAll('.field-error').forEach(x => x.remove());
    const inputs = [...document.querySelectorAll('#tab-editor input[data-path]')];
    const rest = [];
    for (const p of problems) {
      if (p.severity !== 'error') { rest.push(p); continue; }
      const target = inputs.filter(i => p.path === i.dataset.path || p.path.startsWith(i.dataset.path + '.'))
        .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
      if (target) {
        target.classList.add('invalid');
        target.title = p.message;
        const msg = el('div', { class: 'field-error', 'data-path': p.path, text: p.message });
        (target.closest('td') || target.parentElement).append(msg);
      }
      rest.push(p);
    }
    return rest;
  }
}

function norm(s) {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}
