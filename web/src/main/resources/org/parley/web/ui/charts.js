// Charts of a forecast result (the JSON of GET /api/runs/{id}/result), drawn with ECharts'
// SVG renderer so each chart exports as SVG.
import * as echarts from '/vendor/echarts.js';

const charts = {};
window.parleyCharts = charts; // for the browser tests and the SVG export

/**
 * Okabe & Ito's colour-blind-safe palette, its light hues (orange, sky blue, yellow) darkened so
 * every mark has at least 3:1 contrast on white; series also differ by marker and line type.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#B07800', '#2F86B8', '#8F7F00', '#000000'];
export const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'roundRect', 'arrow', 'emptyCircle'];
export const DASHES = ['solid', 'dashed', 'dotted'];
const TEXT = '#1d2330';

export function chart(name) {
  if (!charts[name]) {
    charts[name] = echarts.init(document.getElementById('chart-' + name), null, { renderer: 'svg' });
    window.addEventListener('resize', () => charts[name].resize());
  }
  return charts[name];
}

/** Sets a chart's option with the palette, readable text and ECharts' own aria description. */
export function set(c, option) {
  const tooltip = option.tooltip ? { confine: true, backgroundColor: '#ffffff', borderColor: '#4a5263',
    textStyle: { color: TEXT }, ...option.tooltip } : undefined;
  c.setOption({ color: PALETTE, textStyle: { color: TEXT }, aria: { enabled: true }, ...option, tooltip }, true);
}

/** A chart as an SVG file: its title (the figure's caption) on top and every legend entry shown. */
export function svg(name) {
  const c = charts[name];
  if (!c) return null;
  const caption = document.getElementById('chart-' + name).closest('figure')?.querySelector('figcaption');
  const title = caption ? [...caption.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(' ').trim() : name;
  const old = c.getOption();
  const legend = (old.legend || []).map(l => ({ ...l, type: 'plain', top: 28 }));
  const grid = (old.grid || []).map(g => ({ ...g, top: Math.max(70, (g.top || 0) + 40) }));
  c.setOption({ title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 13 } }, legend, grid });
  try {
    return c.renderToSVGString();
  } finally {
    c.setOption({ title: { text: '' }, legend: old.legend, grid: old.grid });
  }
}

window.parleyExportSvg = svg; // for the browser tests

/** Fills a chart's text alternative: a table with a header row and the rows given (values as text). */
export function table(id, head, rows) {
  const t = document.getElementById(id);
  if (!t) return;
  const tr = (tag, cells) => {
    const r = document.createElement('tr');
    for (const c of cells) {
      const x = document.createElement(tag);
      x.textContent = typeof c === 'number' ? fmt(c) : (c ?? '');
      if (tag === 'th') x.scope = 'col';
      r.append(x);
    }
    return r;
  };
  t.replaceChildren(tr('th', head), ...rows.map(r => tr('td', r)));
}

/**
 * Text for ECharts' HTML tooltips: every user string (names, labels, reasons) goes through it, so
 * planted markup shows as text. Labels and axes are SVG text; their formatters are functions, never
 * templates, so braces in user text stay as they are.
 */
export const esc = s => String(s ?? '').replace(/[&<>"']/g,
  c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const run0 = (world, model) => world.runs.find(r => r.model === model && r.run === 0);

/** One line per actor over the rounds, the model's outcome as a thick dashed line. */
export function trajectory(world, model, issue, scale) {
  const r = run0(world, model);
  const c = chart('trajectory');
  c.off('click');
  c.on('click', p => pointDetail(world, model, issue, p.seriesName, +p.name));
  if (!r) { c.clear(); return; }
  const rounds = r.rounds.map(x => x.round);
  const actors = world.actors.filter(a => r.rounds[0].positions[a]?.[issue] !== undefined);
  const series = actors.map((a, k) => ({
    name: a, type: 'line', showSymbol: true, symbol: SYMBOLS[k % SYMBOLS.length], symbolSize: 8,
    lineStyle: { width: 2, type: DASHES[Math.floor(k / PALETTE.length) % DASHES.length] }, emphasis: { focus: 'series' },
    data: r.rounds.map(x => x.positions[a]?.[issue] ?? null)
  }));
  table('table-trajectory', ['round', ...actors, 'outcome'],
    r.rounds.map(x => [x.round, ...actors.map(a => x.positions[a]?.[issue] ?? null), x.outcome[issue]]));
  series.push({
    name: 'outcome', type: 'line', data: r.rounds.map(x => x.outcome[issue]), symbol: 'diamond', symbolSize: 12,
    lineStyle: { width: 5, type: 'dashed', color: '#111' }, itemStyle: { color: '#111' }, z: 10,
    // the scale's labelled points, so the axis says what a number means
    markLine: scale && scale.points && scale.points.length ? {
      symbol: 'none', silent: true, lineStyle: { type: 'dotted', color: '#8a94a6', width: 1 },
      label: { position: 'insideStartTop', color: '#5b6475', fontSize: 10, formatter: p => p.name },
      data: scale.points.map(p => ({ yAxis: p.value, name: p.label }))
    } : undefined
  });
  set(c, {
    animation: false, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
    grid: { top: 40, left: 45, right: 20, bottom: 35 },
    xAxis: { type: 'category', name: 'round', nameLocation: 'middle', nameGap: 22, data: rounds },
    yAxis: { type: 'value', name: issue, min: scale ? scale.min : 'dataMin', max: scale ? scale.max : 'dataMax' }, series
  });
}

function quantile(sorted, q) {
  if (!sorted.length) return null;
  const i = (sorted.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/** Each model's forecast of the issue, with a 5-95% band over Monte Carlo runs when there are several. */
export function forecast(world, issue, scale, mc) {
  const models = [...new Set(world.runs.map(r => r.model))];
  const point = models.map(m => run0(world, m)?.forecast[issue] ?? null);
  const mcWorld = mc?.worlds.find(w => w.id === world.id);
  const bands = models.map(m => {
    const row = mcWorld?.forecasts.find(f => f.model === m && f.issue === issue);
    if (row && row.p5 !== null && row.p95 !== null) return [row.p5, row.p95];
    const v = world.runs.filter(r => r.model === m).map(r => r.forecast[issue]).filter(x => x !== null).sort((a, b) => a - b);
    return v.length > 1 ? [quantile(v, 0.05), quantile(v, 0.95)] : null;
  });
  const sq = world.statusQuo[issue];
  const series = [{
    name: 'forecast', type: 'bar', data: point, itemStyle: { color: PALETTE[0] },
    label: { show: true, position: 'insideTop', color: '#fff', formatter: p => fmt(p.value) },
    markLine: sq === null || sq === undefined ? undefined : {
      symbol: 'none', data: [{ yAxis: sq, name: 'status quo' }], lineStyle: { type: 'dotted', color: '#000' },
      label: { position: 'insideEndTop', color: TEXT, formatter: () => `status quo ${fmt(sq)}` }
    }
  }];
  if (bands.some(b => b)) {
    // the 5-95% band as an error bar: a vertical line with caps, labelled
    series.push({ name: '5-95% band (Monte Carlo)', type: 'custom', itemStyle: { color: PALETTE[1] },
      data: bands.map((b, i) => b ? [i, b[0], b[1]] : [i, null, null]),
      renderItem: (params, api) => {
        if (api.value(1) === null || Number.isNaN(api.value(1))) return null;
        const lo = api.coord([api.value(0), api.value(1)]), hi = api.coord([api.value(0), api.value(2)]);
        const w = api.size([1, 0])[0] * 0.2;
        const st = { stroke: PALETTE[1], lineWidth: 2.5 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: st },
          { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style: st },
          { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style: st },
          { type: 'text', x: hi[0] + w + 2, y: hi[1] - 6, style: { text: `${fmt(api.value(1))}-${fmt(api.value(2))}`, fill: TEXT, fontSize: 10 } }
        ] };
      } });
  }
  // every model name shown: wrapped at its hyphens, or turned upright when even that does not fit
  const slot = (document.getElementById('chart-forecast').clientWidth - 65) / Math.max(1, models.length);
  const longest = Math.max(...models.map(m => Math.max(...m.split('-').map(p => p.length + 1))));
  const narrow = slot < 7.5 * longest + 6;
  set(chart('forecast'), {
    animation: false, tooltip: {}, legend: { top: 0, data: bands.some(b => b) ? ['forecast', '5-95% band (Monte Carlo)'] : ['forecast'] },
    grid: { top: 34, left: 45, right: 20, bottom: narrow ? 110 : 45 },
    xAxis: { type: 'category', data: models, axisLabel: { interval: 0, rotate: narrow ? 90 : 0, color: TEXT, lineHeight: 15,
      formatter: m => narrow ? m : m.replace(/-/g, '-\n') } },
    yAxis: { type: 'value', name: issue, min: scale ? scale.min : null, max: scale ? scale.max : null }, series
  });
  table('table-forecast', ['model', 'forecast', '5%', '95%', 'status quo'],
    models.map((m, i) => [m, point[i], bands[i]?.[0] ?? null, bands[i]?.[1] ?? null, sq ?? null]));
}

/** Two worlds side by side: one model's forecast per issue. */
export function compare(result, a, b, model) {
  const wa = result.worlds.find(w => w.id === a), wb = result.worlds.find(w => w.id === b);
  const issues = wa ? wa.issues : [];
  const values = w => issues.map(i => (w && run0(w, model)?.forecast[i]) ?? null);
  const va = values(wa), vb = values(wb);
  set(chart('compare'), {
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { top: 30, left: 45, right: 20, bottom: 20, containLabel: true },
    xAxis: { type: 'category', data: issues, axisLabel: { interval: 0, rotate: 35, color: TEXT } }, yAxis: { type: 'value' },
    series: [{ name: a, type: 'bar', data: va }, { name: b, type: 'bar', data: vb, itemStyle: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -0.8 } } }]
  });
  const t = document.getElementById('compare-table');
  t.replaceChildren();
  const tr = (...cells) => { const r = document.createElement('tr'); cells.forEach(c => r.append(c)); return r; };
  const cell = (tag, text) => { const c = document.createElement(tag); c.textContent = text; return c; };
  t.append(tr(cell('th', 'issue'), cell('th', a), cell('th', b), cell('th', 'difference')));
  issues.forEach((i, k) => t.append(tr(cell('td', i), cell('td', fmt(va[k])), cell('td', fmt(vb[k])),
    cell('td', va[k] === null || vb[k] === null ? '' : fmt(vb[k] - va[k])))));
}

/** Whether a move was accepted (a move made), rejected (an offer not taken) or neither (a challenge). */
export function outcomeOf(m) {
  if (m.kind === 'offer-rejected') return 'rejected';
  if (m.kind === 'bargain') return m.measures?.chosen === 1 && m.measures?.receiver_chosen === 1 ? 'accepted' : 'rejected';
  if (m.kind === 'challenge') return 'challenge';
  return 'accepted';
}

const EDGE = {
  accepted: { color: PALETTE[0], type: 'solid', text: 'accepted (a move made)' },
  rejected: { color: PALETTE[1], type: 'dashed', text: 'rejected (an offer not taken)' },
  challenge: { color: '#555555', type: 'dotted', text: 'challenge' }
};

/**
 * Who challenged, bargained with or exchanged with whom in one round: a node per actor sized by its
 * effective power (capability x salience), accepted and rejected edges drawn apart, filtered by
 * actor and kind; labels around the circle, turned outwards so they do not overlap.
 */
export function network(world, model, round, power = {}, only = '', kind = '') {
  const r = run0(world, model);
  const rd = r?.rounds.find(x => x.round === round);
  const all = (rd?.moves || []).filter(m => m.counterpart);
  const moves = all.filter(m => (!only || m.actor === only || m.counterpart === only) && (!kind || m.kind === kind));
  const c = chart('network');
  table('table-network', ['round', 'actor', 'counterpart', 'kind', 'issue', 'outcome', 'reason'],
    moves.map(m => [m.round, m.actor, m.counterpart, m.kind, m.issue || 'all', outcomeOf(m), m.reason || '']));
  if (!moves.length) {
    set(c, { title: { text: `${model}: no ${kind || 'challenges, bargains or exchanges'}${only ? ' of ' + only : ''} in round ${round}`,
      left: 'center', top: 'middle', textStyle: { fontSize: 13, color: '#4a5263', fontWeight: 'normal' } }, series: [] });
    return [...new Set(all.map(m => m.kind))];
  }
  const max = Math.max(1e-9, ...world.actors.map(a => power[a] || 0));
  const legend = Object.entries(EDGE).map(([k, e], i) => ({
    type: 'group', left: 8, top: 6 + 16 * i, children: [
      { type: 'line', shape: { x1: 0, y1: 6, x2: 24, y2: 6 }, style: { stroke: e.color, lineWidth: 2.5, lineDash: e.type === 'solid' ? null : e.type === 'dashed' ? [6, 4] : [2, 3] } },
      { type: 'text', x: 30, y: 0, style: { text: e.text, fill: TEXT, fontSize: 11 } }] }));
  set(c, {
    animation: false, tooltip: {}, graphic: legend,
    series: [{
      type: 'graph', layout: 'circular', circular: { rotateLabel: true }, roam: true, top: 60, bottom: 40, left: 70, right: 70,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 9,
      label: { show: true, position: 'right', color: TEXT, fontSize: 11 },
      data: world.actors.map((a, k) => ({ name: a, symbol: SYMBOLS[k % SYMBOLS.length],
        symbolSize: 8 + 26 * Math.sqrt((power[a] || 0) / max), itemStyle: { color: PALETTE[k % PALETTE.length] },
        tooltip: { formatter: () => esc(`${a}: effective power ${fmt(power[a] || 0)} (capability x salience / 100)`) } })),
      links: moves.map(m => {
        const e = EDGE[outcomeOf(m)];
        return { source: m.actor, target: m.counterpart,
          lineStyle: { curveness: 0.2, width: 2, opacity: 0.9, color: e.color, type: e.type },
          tooltip: { formatter: () => esc(m.reason || m.kind) } };
      })
    }]
  });
  return [...new Set(all.map(m => m.kind))];
}

/** One move in words: its round, kind, issue, from and to, and the model's reason. */
export function moveText(m) {
  const span = m.from === undefined || m.from === null ? '' : ` (${fmt(m.from)} → ${fmt(m.to)})`;
  return `Round ${m.round}: ${m.reason || `${m.actor} ${m.kind}${m.counterpart ? ' with ' + m.counterpart : ''} on ${m.issue ?? 'all issues'}`}${span}`;
}

function fillMoves(list, moves, empty) {
  list.replaceChildren();
  for (const m of moves) {
    const li = document.createElement('li');
    li.textContent = moveText(m);
    list.append(li);
  }
  if (!moves.length) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = empty;
    list.append(li);
  }
}

/**
 * Why an actor moved, in the model's own sentences: the actor's own moves ("X moved") apart from
 * the moves others made because of it ("others moved because of X": it was their counterpart).
 */
export function why(world, model, actor) {
  const r = run0(world, model);
  const all = (r?.rounds || []).flatMap(x => x.moves || []);
  // a move made: accepted, or a change of position; not an offer it turned down, nor a challenge without a move
  const moved = m => outcomeOf(m) !== 'rejected' && (outcomeOf(m) === 'accepted'
    || (Number.isFinite(m.from) && Number.isFinite(m.to) && m.from !== m.to));
  const mine = all.filter(m => m.actor === actor);
  const own = mine.filter(moved);
  const caused = all.filter(m => m.actor !== actor && m.counterpart === actor && moved(m));
  const statik = r && r.rounds.length === 1 ? ` (${model} is a static model: it computes the outcome at once)` : '';
  const rest = mine.length - own.length;
  document.getElementById('why-own-heading').textContent = `${actor} moved`
    + (rest ? ` (left out: ${rest} offer${rest > 1 ? 's' : ''} it did not take or challenge${rest > 1 ? 's' : ''} without a move)` : '');
  document.getElementById('why-others-heading').textContent = `Others moved because of ${actor}`;
  fillMoves(document.getElementById('why'), own, `${model} records no move of ${actor}${statik}`);
  fillMoves(document.getElementById('why-others'), caused, `${model} records no move made because of ${actor}${statik}`);
}

/** The detail of one trajectory point: where the actor stood in that round, its moves there and their reasons. */
export function pointDetail(world, model, issue, actor, round) {
  const box = document.getElementById('point-detail');
  const r = run0(world, model);
  const rd = r?.rounds.find(x => x.round === round);
  if (!rd) { box.textContent = ''; return; }
  const prev = r.rounds.find(x => x.round === round - 1);
  const at = actor === 'outcome' ? rd.outcome[issue] : rd.positions[actor]?.[issue];
  const was = prev ? (actor === 'outcome' ? prev.outcome[issue] : prev.positions[actor]?.[issue]) : undefined;
  const moves = (rd.moves || []).filter(m => (m.actor === actor || m.counterpart === actor) && (!m.issue || m.issue === issue));
  const head = document.createElement('p');
  head.id = 'point-head';
  head.textContent = `${actor}, round ${round}: ${issue} at ${fmt(at)}` + (was === undefined ? '' : ` (round ${round - 1}: ${fmt(was)})`);
  const list = document.createElement('ul');
  list.id = 'point-moves';
  fillMoves(list, moves, actor === 'outcome' ? 'the outcome follows the positions' : `${model} records no move of ${actor} on ${issue} in round ${round}`);
  box.replaceChildren(head, list);
}

/**
 * The tornado of one model's forecast of one issue (the answer of POST /api/sensitivity): per input,
 * the change of the forecast when the input is at its range's low end and at its high end, every
 * other input at its stated value; the largest swing on top (at most 12 inputs).
 */
export function tornado(sens, issue) {
  const c = chart('tornado');
  const row = sens?.issues.find(i => i.issue === issue);
  if (!row || !row.inputs.length) {
    set(c, { title: { text: row ? `no input of ${issue} has a range` : 'no sensitivity yet', left: 'center',
      top: 'middle', textStyle: { fontSize: 13, color: '#4a5263', fontWeight: 'normal' } }, series: [] });
    return;
  }
  const inputs = row.inputs.slice(0, 12).reverse();
  table('table-tornado', ['input', 'low end', 'forecast at low', 'high end', 'forecast at high', 'swing'],
    row.inputs.map(x => [x.label, x.low, x.atLow, x.high, x.atHigh, x.swing]));
  const delta = v => v === null || row.stated === null ? null : v - row.stated;
  const tip = (x, end) => `${x.label} at ${fmt(end === 'low' ? x.low : x.high)} (stated ${fmt(x.value)}): forecast `
    + `${fmt(end === 'low' ? x.atLow : x.atHigh)}, swing ${fmt(x.swing)}`;
  set(c, {
    animation: false, legend: { top: 0 }, tooltip: { trigger: 'item' },
    grid: { top: 30, left: 160, right: 25, bottom: 40 },
    xAxis: { type: 'value', name: `change from the forecast ${fmt(row.stated)} (${sens.model}, ${sens.world})`,
      nameLocation: 'middle', nameGap: 25 },
    yAxis: { type: 'category', data: inputs.map(x => x.label), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      { name: 'input at its low end', type: 'bar', barGap: '-100%', itemStyle: { color: PALETTE[0] },
        data: inputs.map(x => ({ value: delta(x.atLow), tip: tip(x, 'low') })), tooltip: { formatter: p => esc(p.data.tip) } },
      { name: 'input at its high end', type: 'bar', barGap: '-100%', itemStyle: { color: PALETTE[1], opacity: 0.85 },
        data: inputs.map(x => ({ value: delta(x.atHigh), tip: tip(x, 'high') })), tooltip: { formatter: p => esc(p.data.tip) } }
    ]
  });
}

export function fmt(x) {
  return x === null || x === undefined ? '' : (Math.round(x * 100) / 100).toString();
}
