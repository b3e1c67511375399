// The branch editor: each branch's name, probability (empty: a what-if), base, chance of talks and
// description, and its changes of every kind (position, salience, outside option, capability,
// status quo, name, attributes, removal).
import { el, num, setValue, addForm } from '/editor.js';

/** The change kinds, what each needs: an actor, an issue, and what its value is. */
export const KINDS = {
  position: { actor: true, issue: true, value: 'number' },
  salience: { actor: true, issue: true, value: 'number' },
  'outside-option': { actor: true, issue: true, value: 'number' },
  capability: { actor: true, issue: false, value: 'number' },
  'status-quo': { actor: false, issue: true, value: 'number' },
  name: { actor: true, issue: false, value: 'text' },
  attributes: { actor: true, issue: false, value: 'attributes' },
  remove: { actor: true, issue: 'optional', value: null }
};

const kindOf = c => Object.keys(KINDS).find(k => c[k] !== undefined) || 'remove';

const attributesText = a => Object.entries(a || {}).map(([k, v]) => `${k}=${v}`).join(', ');

function parseAttributes(s) {
  const out = {};
  for (const part of s.split(',').map(x => x.trim()).filter(x => x)) {
    const eq = part.indexOf('=');
    if (eq < 1) return null;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return Object.keys(out).length ? out : null;
}

/** A number field of a branch that may be a bare number or an estimate object; empty removes it. */
function branchNumber(editor, holder, key, path, label, onEmpty) {
  const i = el('input', { type: 'number', step: 'any', min: '0', max: '1', 'data-path': path, 'aria-label': label });
  i.value = num(holder[key]) ?? '';
  i.addEventListener('change', () => {
    if (i.value === '') onEmpty(); else setValue(holder, key, Number(i.value));
    editor.onChange();
  });
  return i;
}

function branchFields(editor, d, b, n) {
  const p = `branches[${n}]`;
  const name = editor.textInput(b, 'name', `${p}.name`, `${b.id} name`);
  const prob = branchNumber(editor, b, 'probability', `${p}.probability`, `${b.id} probability (empty: a what-if)`,
    () => { delete b.probability; });
  const base = el('select', { 'data-path': `${p}.base`, 'aria-label': `${b.id} applied on top of` },
    new Option('(the base world)', ''), ...(d.branches || []).filter(x => x.id !== b.id).map(x => new Option(x.id, x.id)));
  base.value = b.base || '';
  base.addEventListener('change', () => { if (base.value) b.base = base.value; else delete b.base; editor.onChange(); });
  const holder = b.talks || {};
  const talks = branchNumber(editor, holder, 'probability', `${p}.talks.probability`, `${b.id} chance of talks (empty: its base's)`,
    () => { delete b.talks; });
  talks.addEventListener('change', () => { if (talks.value !== '') b.talks = holder; });
  const desc = editor.textInput(b, 'description', `${p}.description`, `${b.id} description`);
  const field = (label, input) => el('label', { class: 'field' }, label + ' ', input);
  return el('div', { class: 'branch-fields' }, field('Name', name), field('Probability', prob), field('On top of', base),
    field('Chance of talks', talks), field('Description', desc));
}

function changeRows(editor, d, b, n, t) {
  (b.changes || []).forEach((c, k) => {
    const kind = kindOf(c);
    const path = `branches[${n}].changes[${k}].${kind}`;
    let cell;
    if (KINDS[kind].value === 'number') {
      cell = editor.input(path, num(c[kind]), '', `${b.id}: ${c.actor || ''} ${kind} ${c.issue || ''}`);
    } else if (kind === 'name') {
      cell = editor.textInput(c, 'name', path, `${b.id}: ${c.actor} new name`);
    } else if (kind === 'attributes') {
      cell = el('input', { type: 'text', 'data-path': path, 'aria-label': `${b.id}: ${c.actor} attributes` });
      cell.value = attributesText(c.attributes);
      cell.addEventListener('change', () => { const a = parseAttributes(cell.value); if (a) { c.attributes = a; editor.onChange(); } });
    } else {
      cell = el('span', { text: 'removed' });
    }
    const drop = el('button', { type: 'button', class: 'drop', 'aria-label': 'remove this change', text: '×' });
    drop.addEventListener('click', () => { b.changes.splice(k, 1); editor.changed(); });
    t.append(el('tr', {}, el('td', { text: c.actor || '' }), el('td', { text: c.issue || (kind === 'remove' ? 'all' : '') }),
      el('td', { text: kind }), el('td', {}, cell), el('td', {}, drop)));
  });
}

/** A row to add a change to a branch: actor, issue, which value, the new value. */
function changeForm(editor, d, b) {
  const actor = el('select', { 'aria-label': `${b.id}: actor of the new change` }, ...d.actors.map(a => new Option(a.id, a.id)));
  const issue = el('select', { 'aria-label': `${b.id}: issue of the new change` }, ...d.issues.map(i => new Option(i.id, i.id)),
    new Option('(no issue: all issues)', ''));
  const field = el('select', { 'aria-label': `${b.id}: what the change sets` }, ...Object.keys(KINDS).map(f => new Option(f, f)));
  const value = el('input', { type: 'number', step: 'any', placeholder: 'value', 'aria-label': `${b.id}: new value` });
  const msg = el('span', { class: 'form-error', role: 'alert' });
  const fit = () => {
    const k = KINDS[field.value];
    value.type = k.value === 'number' ? 'number' : 'text';
    value.placeholder = k.value === 'attributes' ? 'key=value, key=value' : k.value === 'text' ? 'new name' : k.value ? 'value' : '';
    value.disabled = !k.value;
    actor.disabled = !k.actor;
    issue.disabled = !k.issue;
  };
  field.addEventListener('change', fit);
  const add = el('button', { type: 'button', text: 'Add change' });
  add.addEventListener('click', () => {
    const k = KINDS[field.value];
    const c = {};
    if (k.actor) c.actor = actor.value;
    if (k.issue === true && !issue.value) { msg.textContent = `a ${field.value} change needs an issue`; return; }
    if (k.issue && issue.value) c.issue = issue.value;
    if (k.value === 'number') {
      if (value.value === '') { msg.textContent = 'give the new value'; return; }
      c[field.value] = { value: Number(value.value), judgement: 'what-if set in the browser' };
    } else if (k.value === 'text') {
      if (!value.value.trim()) { msg.textContent = 'give the new name'; return; }
      c.name = value.value.trim();
    } else if (k.value === 'attributes') {
      const a = parseAttributes(value.value);
      if (!a) { msg.textContent = 'write attributes as key=value, key=value'; return; }
      c.attributes = a;
    } else {
      c.remove = true;
    }
    msg.textContent = '';
    b.changes = b.changes || [];
    b.changes.push(c);
    editor.changed();
    document.querySelector(`#branches details[data-branch="${CSS.escape(b.id)}"]`)?.setAttribute('open', '');
  });
  fit();
  return el('tr', { class: 'add-change' }, el('td', {}, actor), el('td', {}, issue), el('td', {}, field),
    el('td', {}, value), el('td', {}, add, msg));
}

export function renderBranches(editor, d) {
  const box = document.getElementById('branches');
  const open = new Set([...box.querySelectorAll('details[open]')].map(x => x.dataset.branch));
  box.replaceChildren();
  (d.branches || []).forEach((b, n) => {
    const t = el('table', { class: 'grid', 'data-branch': b.id },
      el('tr', {}, ...['Actor', 'Issue', 'Changes', 'To', 'Remove'].map(h => el('th', { text: h, scope: 'col' }))));
    changeRows(editor, d, b, n, t);
    t.append(changeForm(editor, d, b));
    const prob = b.probability === undefined ? 'what-if' : `p = ${num(b.probability)}`;
    const drop = el('button', { type: 'button', text: 'Delete branch' });
    drop.addEventListener('click', () => {
      if (!window.confirm(`Delete the branch ${b.id}?`)) return;
      d.branches.splice(n, 1);
      for (const x of d.branches) if (x.base === b.id) delete x.base;
      if (!d.branches.length) delete d.branches;
      editor.changed();
    });
    box.append(el('details', { open: open.has(b.id) || (n === 0 && !open.size) ? '' : null, 'data-branch': b.id },
      el('summary', { text: `${b.name || b.id} (${prob}${b.base ? ', on top of ' + b.base : ''})` }),
      branchFields(editor, d, b, n), el('div', { class: 'scroll' }, t), drop));
  });
  if (!(d.branches || []).length) box.append(el('p', { class: 'empty', text: 'No branches.' }));
  box.append(addForm('branch', [{ key: 'id', label: 'New branch id', placeholder: 'e.g. hawk-wins' },
    { key: 'probability', label: 'probability (empty: a what-if)', placeholder: '0-1' }], (id, p) => {
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(id)) return 'an id is 1 to 100 letters, digits, ".", "_" or "-"';
    if ((d.branches || []).some(x => x.id === id)) return `there is already a branch ${id}`;
    const b = { id, name: id, changes: [] };
    if (p !== '') {
      const v = Number(p);
      if (!(v >= 0 && v <= 1)) return 'a probability lies between 0 and 1';
      b.probability = { value: v, judgement: 'set in the browser' };
    }
    d.branches = d.branches || [];
    d.branches.push(b);
    editor.changed();
    box.querySelector(`details[data-branch="${CSS.escape(id)}"]`)?.setAttribute('open', '');
    return null;
  }));
  // the alternatives' sum (an error at "branches") is shown here, by the form that adds them
  box.querySelector('#branch-probability').dataset.path = 'branches';
}
