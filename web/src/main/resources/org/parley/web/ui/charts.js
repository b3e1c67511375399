// Charts of a forecast result (the JSON of GET /api/runs/{id}/result), drawn with ECharts'
// SVG renderer so each chart exports as SVG.
import * as echarts from '/vendor/echarts.js';

const charts = {};
window.parleyCharts = charts; // for the browser tests and the SVG export

function chart(name) {
  if (!charts[name]) {
    charts[name] = echarts.init(document.getElementById('chart-' + name), null, { renderer: 'svg' });
    window.addEventListener('resize', () => charts[name].resize());
  }
  return charts[name];
}

export function svg(name) {
  return charts[name] ? charts[name].renderToSVGString() : null;
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
  const series = world.actors.filter(a => r.rounds[0].positions[a]?.[issue] !== undefined).map(a => ({
    name: a, type: 'line', showSymbol: true, symbolSize: 6, emphasis: { focus: 'series' },
    data: r.rounds.map(x => x.positions[a]?.[issue] ?? null)
  }));
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
  c.setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
    grid: { top: 40, left: 45, right: 20, bottom: 35 },
    xAxis: { type: 'category', name: 'round', nameLocation: 'middle', nameGap: 22, data: rounds },
    yAxis: { type: 'value', name: issue, min: scale ? scale.min : 'dataMin', max: scale ? scale.max : 'dataMax' }, series
  }, true);
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
  const series = [{
    name: 'forecast', type: 'bar', data: point, label: { show: true, position: 'top', formatter: p => fmt(p.value) },
    markLine: world.statusQuo[issue] === null ? undefined : {
      symbol: 'none', data: [{ yAxis: world.statusQuo[issue], name: 'status quo' }],
      label: { formatter: () => 'status quo' }, lineStyle: { type: 'dotted' }
    }
  }];
  if (bands.some(b => b)) {
    series.push({ name: '5-95% band', type: 'scatter', symbol: 'rect', symbolSize: [18, 3],
      data: bands.flatMap((b, i) => b ? [[i, b[0]], [i, b[1]]] : []) });
  }
  chart('forecast').setOption({
    animation: false, tooltip: {}, grid: { top: 30, left: 45, right: 20, bottom: 35 },
    xAxis: { type: 'category', data: models },
    yAxis: { type: 'value', name: issue, min: scale ? scale.min : null, max: scale ? scale.max : null }, series
  }, true);
}

/** Two worlds side by side: one model's forecast per issue. */
export function compare(result, a, b, model) {
  const wa = result.worlds.find(w => w.id === a), wb = result.worlds.find(w => w.id === b);
  const issues = wa ? wa.issues : [];
  const values = w => issues.map(i => (w && run0(w, model)?.forecast[i]) ?? null);
  const va = values(wa), vb = values(wb);
  chart('compare').setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { top: 30, left: 45, right: 20, bottom: 60 },
    xAxis: { type: 'category', data: issues, axisLabel: { rotate: 20 } }, yAxis: { type: 'value' },
    series: [{ name: a, type: 'bar', data: va }, { name: b, type: 'bar', data: vb }]
  }, true);
  const t = document.getElementById('compare-table');
  t.replaceChildren();
  const tr = (...cells) => { const r = document.createElement('tr'); cells.forEach(c => r.append(c)); return r; };
  const cell = (tag, text) => { const c = document.createElement(tag); c.textContent = text; return c; };
  t.append(tr(cell('th', 'issue'), cell('th', a), cell('th', b), cell('th', 'difference')));
  issues.forEach((i, k) => t.append(tr(cell('td', i), cell('td', fmt(va[k])), cell('td', fmt(vb[k])),
    cell('td', va[k] === null || vb[k] === null ? '' : fmt(vb[k] - va[k])))));
}

/** Who challenged, bargained with or exchanged with whom in one round. */
export function network(world, model, round) {
  const r = run0(world, model);
  const rd = r?.rounds.find(x => x.round === round);
  const moves = (rd?.moves || []).filter(m => m.counterpart);
  const c = chart('network');
  if (!moves.length) {
    c.setOption({ title: { text: `${model}: no challenges, bargains or exchanges in round ${round}`, left: 'center',
      top: 'middle', textStyle: { fontSize: 13, color: '#5b6475', fontWeight: 'normal' } }, series: [] }, true);
    return;
  }
  const kinds = [...new Set(moves.map(m => m.kind))];
  c.setOption({
    animation: false, tooltip: {}, legend: { data: kinds, top: 0 },
    series: [{
      type: 'graph', layout: 'circular', roam: true, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 10,
      label: { show: true, position: 'bottom', color: '#1d2330' },
      categories: kinds.map(k => ({ name: k })),
      data: world.actors.map(a => ({ name: a, symbolSize: 18 })),
      links: moves.map(m => ({ source: m.actor, target: m.counterpart, value: m.kind,
        lineStyle: { curveness: 0.15, width: 2.5, opacity: 0.9, color: '#c0392b' },
        label: { show: true, formatter: () => m.kind + (m.issue ? ' · ' + m.issue : ''), fontSize: 10 },
        tooltip: { formatter: () => esc(m.reason || m.kind) } }))
    }]
  }, true);
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
  const own = all.filter(m => m.actor === actor);
  const caused = all.filter(m => m.actor !== actor && m.counterpart === actor);
  const statik = r && r.rounds.length === 1 ? ` (${model} is a static model: it computes the outcome at once)` : '';
  document.getElementById('why-own-heading').textContent = `${actor} moved`;
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
    c.setOption({ title: { text: row ? `no input of ${issue} has a range` : 'no sensitivity yet', left: 'center',
      top: 'middle', textStyle: { fontSize: 13, color: '#5b6475', fontWeight: 'normal' } }, series: [] }, true);
    return;
  }
  const inputs = row.inputs.slice(0, 12).reverse();
  const delta = v => v === null || row.stated === null ? null : v - row.stated;
  const tip = (x, end) => `${x.label} at ${fmt(end === 'low' ? x.low : x.high)} (stated ${fmt(x.value)}): forecast `
    + `${fmt(end === 'low' ? x.atLow : x.atHigh)}, swing ${fmt(x.swing)}`;
  c.setOption({
    animation: false, legend: { top: 0 }, tooltip: { trigger: 'item' },
    grid: { top: 30, left: 160, right: 25, bottom: 40 },
    xAxis: { type: 'value', name: `change from the forecast ${fmt(row.stated)} (${sens.model}, ${sens.world})`,
      nameLocation: 'middle', nameGap: 25 },
    yAxis: { type: 'category', data: inputs.map(x => x.label), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      { name: 'input at its low end', type: 'bar', barGap: '-100%', itemStyle: { color: '#5470c6' },
        data: inputs.map(x => ({ value: delta(x.atLow), tip: tip(x, 'low') })), tooltip: { formatter: p => esc(p.data.tip) } },
      { name: 'input at its high end', type: 'bar', barGap: '-100%', itemStyle: { color: '#ee6666', opacity: 0.8 },
        data: inputs.map(x => ({ value: delta(x.atHigh), tip: tip(x, 'high') })), tooltip: { formatter: p => esc(p.data.tip) } }
    ]
  }, true);
}

export function fmt(x) {
  return x === null || x === undefined ? '' : (Math.round(x * 100) / 100).toString();
}
