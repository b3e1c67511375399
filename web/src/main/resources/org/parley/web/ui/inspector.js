// The inspector (a value's range, provenance and judgement; cite a sentence of an article by
// clicking it) and the articles box (attach an article by pasting or uploading its text).
import { el, conditionalText } from '/editor.js';

function norm(s) {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The number of the sentence a value cites (its sentence, else the one holding its quote), 0 for none. */
function citedSentence(o, sentences) {
  let cited = o.sentence || 0;
  if ((!cited || cited > sentences.length) && o.quote) {
    const q = norm(o.quote);
    cited = sentences.findIndex(s => norm(s).includes(q)) + 1;
  }
  return cited;
}

/** Makes the value at path cite sentence n of a source: source, sentence and its text as the quote. */
function cite(editor, path, source, n, text) {
  const t = editor.estimate(path, true).value;
  t.source = source;
  t.sentence = n;
  t.quote = text;
  delete t.judgement;
  editor.onChange();
  editor.render();
  editor.inspect(path);
}

/** The article as a list of sentences, each a button that cites it; the cited one marked. */
function article(editor, path, src, cited) {
  const list = el('ol', { class: 'article', 'aria-label': `sentences of ${src.title || src.id}; press one to cite it` });
  src.sentences.forEach((s, i) => {
    const n = i + 1;
    const b = el('button', { type: 'button', class: 'sentence', 'data-source': src.id, 'data-n': String(n),
      title: 'cite this sentence for the selected value' });
    if (n === cited) b.append(el('mark', { class: 'cited', id: 'cited-sentence', text: `[${n}] ${s}` }));
    else b.textContent = `[${n}] ${s}`;
    b.addEventListener('click', () => cite(editor, path, src.id, n, s));
    list.append(el('li', {}, b));
  });
  return list;
}

/** Shows a value's range and provenance; the cited sentence is highlighted in its article. */
export function inspect(editor, path) {
  document.querySelectorAll('input.selected').forEach(i => i.classList.remove('selected'));
  const body = document.getElementById('inspector-body');
  body.replaceChildren();
  editor.selected = path;
  if (!path) return;
  document.querySelector(`input[data-path="${CSS.escape(path)}"]`)?.classList.add('selected');
  const e = editor.estimate(path).value;
  const o = (e !== null && typeof e === 'object') ? e : { value: e };
  body.append(el('p', {}, el('code', { text: path })));
  const range = (key) => {
    const i = el('input', { type: 'number', step: 'any', 'data-path': `${path}.${key}`, id: `range-${key}`, 'aria-label': `range ${key}` });
    i.value = o[key] ?? '';
    i.addEventListener('change', () => {
      const t = editor.estimate(path, true).value;
      if (i.value === '') delete t[key]; else t[key] = Number(i.value);
      editor.onChange();
    });
    return i;
  };
  body.append(el('p', {}, 'Value ', el('strong', { text: String(o.value) }), '  range ', range('low'), ' to ', range('high')));
  if (o.if) {
    body.append(el('p', { class: 'conditional-note' }, 'Conditional position (read-only here; edit it in the YAML): ',
      el('strong', { text: String(o.value) }), ` ${conditionalText(o)}. The engine reruns the model until the `
      + 'positions the conditions select reproduce themselves.'));
  }
  const judgement = el('input', { type: 'text', id: 'judgement', 'data-path': `${path}.judgement` });
  judgement.value = o.judgement || '';
  judgement.addEventListener('change', () => {
    const t = editor.estimate(path, true).value;
    if (judgement.value.trim()) t.judgement = judgement.value.trim(); else delete t.judgement;
    editor.onChange();
  });
  body.append(el('p', {}, el('label', { for: 'judgement', text: 'Judgement (why this value) ' }), judgement));
  const prov = el('div', { id: 'provenance' });
  const attached = editor.sources.filter(s => s.sentences.length);
  if (o.source) {
    const src = editor.sources.find(s => s.id === o.source);
    prov.append(el('p', {}, 'Source: ', el('strong', { text: src?.title || o.source }),
      o.sentence ? ` (sentence ${o.sentence})` : ''));
    if (o.quote) prov.append(el('blockquote', { text: o.quote }));
    if (!src?.sentences.length) prov.append(el('p', { class: 'empty', text: 'The text of this source is not attached.' }));
  } else if (o.judgement) {
    prov.append(el('p', {}, 'Analyst judgement: ', el('em', { text: o.judgement })));
  } else {
    prov.append(el('p', { class: 'empty', text: 'No provenance recorded for this value.' }));
  }
  if (attached.length) {
    const shown = attached.find(s => s.id === o.source) || attached[0];
    const pick = el('select', { id: 'cite-source', 'aria-label': 'article to cite from' }, ...attached.map(s => new Option(s.title || s.id, s.id)));
    pick.value = shown.id;
    const holder = el('div', {});
    const show = () => {
      const src = attached.find(s => s.id === pick.value);
      holder.replaceChildren(article(editor, path, src, src.id === o.source ? citedSentence(o, src.sentences) : 0));
    };
    pick.addEventListener('change', show);
    show();
    prov.append(el('p', { class: 'hint' }, 'Press a sentence to cite it for this value. ', pick), holder);
    requestAnimationFrame(() => document.getElementById('cited-sentence')?.scrollIntoView({ block: 'center' }));
  }
  body.append(prov);
}

/** The articles: each source with its sentence count, and a form to attach one (paste or upload). */
export function renderSources(editor, d) {
  const box = document.getElementById('articles');
  box.replaceChildren();
  const list = el('ul', { class: 'sources' });
  for (const s of d.sources || []) {
    const have = editor.sources.find(x => x.id === s.id);
    list.append(el('li', {}, el('strong', { text: s.id }), ` ${s.title || ''} · `,
      have?.sentences.length ? `${have.sentences.length} sentences` : el('em', { text: 'text not attached' })));
  }
  if (!(d.sources || []).length) list.append(el('li', { class: 'empty', text: 'No articles yet.' }));
  const id = el('input', { type: 'text', id: 'article-id', placeholder: 'e.g. reuters-2024-08-01' });
  const title = el('input', { type: 'text', id: 'article-title', placeholder: 'headline' });
  const text = el('textarea', { id: 'article-text', rows: '4', placeholder: 'paste the article here' });
  const file = el('input', { type: 'file', id: 'article-file', accept: '.txt,.md,text/plain' });
  file.addEventListener('change', async () => { if (file.files[0]) text.value = await file.files[0].text(); });
  const msg = el('span', { class: 'form-error', role: 'alert' });
  const add = el('button', { type: 'button', id: 'attach-article', text: 'Attach article' });
  add.addEventListener('click', () => {
    const sid = id.value.trim();
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(sid)) { msg.textContent = 'an article id is 1 to 100 letters, digits, ".", "_" or "-"'; return; }
    if (!text.value.trim()) { msg.textContent = 'paste the text or choose a file'; return; }
    msg.textContent = '';
    editor.actions.attach(sid, title.value.trim() || sid, text.value).catch(e => { msg.textContent = e.message; });
  });
  const label = (i, t) => el('label', { for: i.id, text: t + ' ' });
  box.append(list, el('div', { class: 'attach' },
    el('p', {}, label(id, 'Article id'), id, ' ', label(title, 'Title'), title),
    el('p', {}, label(text, 'Text'), text),
    el('p', {}, label(file, 'or upload a text file'), file, ' ', add, ' ', msg)));
}
