// KTAB-style views of one round: effective power by position, the quad map of expected gains, and
// the conflict measure per issue; each with its text table.
import { chart, set, table, fmt, esc, PALETTE, SYMBOLS } from '/charts.js';

const run0 = (world, model) => world.runs.find(r => r.model === model && r.run === 0);
const TEXT = '#1d2330';

/**
 * Each actor's effective power on an issue: capability x salience / 100, from the scenario's stated
 * values (the base world's).
 */
export function effectivePower(doc, issue) {
  const out = {};
  for (const a of doc?.actors || []) {
    const cap = num(a.capability);
    const st = a.stances?.[issue];
    if (st && cap !== null) out[a.id] = cap * (num(st.salience) ?? 0) / 100;
  }
  return out;
}

/** Effective power summed over issues: the network's node size. */
export function totalPower(doc) {
  const out = {};
  for (const i of doc?.issues || []) {
    for (const [a, p] of Object.entries(effectivePower(doc, i.id))) out[a] = (out[a] || 0) + p;
  }
  return out;
}

function num(e) {
  return e === null || e === undefined ? null : typeof e === 'number' ? e : e.value ?? null;
}

/** Effective power by position in one round: a bar per actor at its position, its height the actor's power. */
export function powerByPosition(world, model, issue, round, doc) {
  const r = run0(world, model);
  const rd = r?.rounds.find(x => x.round === round) || r?.rounds[r.rounds.length - 1];
  const power = effectivePower(doc, issue);
  const scale = doc?.issues.find(i => i.id === issue)?.scale;
  const actors = world.actors.filter(a => rd?.positions[a]?.[issue] !== undefined);
  const rows = actors.map(a => [a, rd.positions[a][issue], power[a] ?? 0]).sort((x, y) => x[1] - y[1]);
  table('table-power', ['actor', 'position', 'effective power'], rows);
  set(chart('power'), {
    animation: false, tooltip: {},
    grid: { top: 30, left: 50, right: 20, bottom: 40 },
    xAxis: { type: 'value', name: `${issue}: position in round ${rd?.round ?? ''}`, nameLocation: 'middle', nameGap: 24,
      min: scale ? scale.min - 0.04 * (scale.max - scale.min) : 'dataMin',
      max: scale ? scale.max + 0.04 * (scale.max - scale.min) : 'dataMax', axisLabel: { formatter: v => fmt(v) } },
    yAxis: { type: 'value', name: 'effective power', max: v => v.max * 1.3 },
    series: [{ type: 'bar', name: 'effective power', barWidth: 10, itemStyle: { color: PALETTE[0] },
      data: rows.map(x => ({ value: [x[1], x[2]], name: x[0] })),
      label: { show: true, position: 'top', rotate: 60, align: 'left', verticalAlign: 'middle', color: TEXT, fontSize: 10,
        formatter: p => p.name },
      labelLayout: { hideOverlap: true },
      tooltip: { formatter: p => esc(`${p.name}: position ${fmt(p.value[0])}, effective power ${fmt(p.value[1])}`) } }]
  });
}

/**
 * The quad map: for each pair that met in the round, what the actor expected from challenging its
 * counterpart (x) against what the counterpart expected from challenging it (y), as the
 * expected-utility model (eu_actor, eu_counterpart) and the spatial model (expected_gain,
 * receiver_gain) record them. Top right: both would challenge (conflict); bottom right: the actor
 * has the upper hand (the counterpart gives in); top left: the counterpart has it; bottom left:
 * neither moves.
 */
export function quadMap(world, model, round) {
  const r = run0(world, model);
  const rd = r?.rounds.find(x => x.round === round);
  const pts = [];
  for (const m of rd?.moves || []) {
    const x = m.measures?.eu_actor ?? m.measures?.expected_gain;
    const y = m.measures?.eu_counterpart ?? m.measures?.receiver_gain;
    if (x !== undefined && y !== undefined && m.counterpart) pts.push([m.actor, m.counterpart, m.issue || 'all', x, y]);
  }
  table('table-quad', ['actor', 'counterpart', 'issue', "actor's expected gain", "counterpart's expected gain"], pts);
  const c = chart('quad');
  if (!pts.length) {
    set(c, { title: { text: `${model} records no expected gains in round ${round} (the expected-utility and spatial models do)`,
      left: 'center', top: 'middle', textStyle: { fontSize: 12, color: '#4a5263', fontWeight: 'normal' } }, series: [] });
    return;
  }
  const actors = [...new Set(pts.map(p => p[0]))];
  set(c, {
    animation: false, tooltip: {}, legend: { type: 'scroll', top: 0 },
    grid: { top: 34, left: 55, right: 20, bottom: 45 },
    xAxis: { type: 'value', name: 'actor\'s expected gain from challenging', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: 'counterpart\'s', nameLocation: 'middle', nameGap: 40 },
    series: actors.map((a, k) => ({
      name: a, type: 'scatter', symbol: SYMBOLS[k % SYMBOLS.length], symbolSize: 10,
      data: pts.filter(p => p[0] === a).map(p => ({ value: [p[3], p[4]], name: `${p[0]} vs ${p[1]} (${p[2]})` })),
      tooltip: { formatter: p => esc(`${p.name}: ${fmt(p.value[0])}, ${fmt(p.value[1])}`) },
      markLine: k === 0 ? { symbol: 'none', silent: true, lineStyle: { color: '#555', type: 'solid', width: 1 },
        label: { show: false }, data: [{ xAxis: 0 }, { yAxis: 0 }] } : undefined
    }))
  });
}

/** The power-weighted standard deviation of positions: how far apart those who matter stand. */
function spread(positions, power) {
  let w = 0, m = 0;
  for (const [a, x] of positions) { w += power[a] || 0; m += (power[a] || 0) * x; }
  if (w <= 0) return null;
  m /= w;
  let v = 0;
  for (const [a, x] of positions) v += (power[a] || 0) * (x - m) ** 2;
  return Math.sqrt(v / w);
}

/** The conflict measure per issue: the spread of power-weighted positions at the start and at the end. */
export function conflict(world, model, doc) {
  const r = run0(world, model);
  const rows = [];
  for (const issue of world.issues) {
    const power = effectivePower(doc, issue);
    const at = rd => world.actors.filter(a => rd?.positions[a]?.[issue] !== undefined).map(a => [a, rd.positions[a][issue]]);
    const first = r?.rounds[0], last = r?.rounds[r.rounds.length - 1];
    rows.push([issue, spread(at(first), power), spread(at(last), power)]);
  }
  table('table-conflict', ['issue', 'spread at the start', 'spread at the end'], rows);
  set(chart('conflict'), {
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { top: 30, left: 45, right: 20, bottom: 20, containLabel: true },
    xAxis: { type: 'category', data: rows.map(x => x[0]), axisLabel: { interval: 0, rotate: 35, color: TEXT } },
    yAxis: { type: 'value', name: 'power-weighted SD' },
    series: [{ name: 'start', type: 'bar', data: rows.map(x => x[1]) },
      { name: 'end', type: 'bar', data: rows.map(x => x[2]), itemStyle: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -0.8 } } }]
  });
}
