// Charts drawn by uPlot (the WebJar pinned in the root pom, served from the node's jar).
import uPlot from '/console/vendor/uplot/dist/uPlot.esm.js';

// Series colours with at least 3:1 contrast against white (WCAG 1.4.11, non-text contrast).
export const COLOURS = ['#0b57d0', '#b3261e', '#0b5d24', '#7a2e00', '#6a1b9a', '#00695c'];

function width(el) {
  return Math.max(280, Math.min(el.clientWidth || 600, 1150) - 16);
}

/**
 * A line chart over x (seconds since the epoch when time is true). series: [{label, scale?}].
 * Returns {update(data)}; data is [xs, ys1, ys2, ...].
 */
export function lineChart(el, title, series, data, options = {}) {
  // Heights and other counts on x: whole-number ticks only (no "height 2.5").
  const xAxis = { stroke: '#1b1b1f', grid: { stroke: '#e3e5ea' } };
  if (options.time === false) xAxis.incrs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6];
  const axes = [xAxis,
    { stroke: '#1b1b1f', grid: { stroke: '#e3e5ea' }, label: options.yLabel || '' }];
  // One point (or all at one x) would make uPlot span years: pad the range instead.
  const pad = options.time === false ? 1 : 30;
  // (uPlot widens a lone time point by 86400 / ms, which is years for second timestamps.)
  const xRange = (u, min, max) => {
    const xs = u.data[0];
    if (xs.length === 1) return [xs[0] - pad, xs[0] + pad];
    return min === max ? [min - pad, max + pad] : [min, max];
  };
  const scales = { x: { time: options.time !== false, range: xRange } };
  if (series.some((s) => s.scale === 'right')) {
    axes.push({ side: 1, scale: 'right', stroke: '#1b1b1f', grid: { show: false }, label: options.rightLabel || '' });
    scales.right = {};
  }
  const plot = new uPlot({
    title,
    width: width(el),
    height: options.height || 240,
    scales,
    axes,
    series: [{ label: options.xLabel || (options.time === false ? 'x' : 'time') }].concat(series.map((s, i) => ({
      label: s.label,
      scale: s.scale === 'right' ? 'right' : 'y',
      stroke: COLOURS[i % COLOURS.length],
      width: 2,
      points: { show: true, size: 5 },
      paths: s.step ? uPlot.paths.stepped({ align: 1 }) : undefined,
    }))),
  }, data, el);
  const onResize = () => plot.setSize({ width: width(el), height: options.height || 240 });
  window.addEventListener('resize', onResize);
  // The plotted numbers stay readable on the element (tests, and anyone inspecting the page).
  el.chartData = data;
  return {
    update: (d) => { el.chartData = d; plot.setData(d); },
    dispose: () => { window.removeEventListener('resize', onResize); plot.destroy(); },
  };
}

/** Grouped bars over categories (member names). series: [{label, values}]. */
export function barChart(el, title, categories, series, options = {}) {
  const xs = categories.map((_, i) => i);
  const groups = series.length;
  const bars = uPlot.paths.bars({ size: [0.8 / groups, 60], align: 0 });
  const plot = new uPlot({
    title,
    width: width(el),
    height: options.height || 240,
    // Bars start at zero, or their lengths would not compare.
    scales: { x: { time: false, range: [-0.5, categories.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(max, 1) * 1.1] } },
    axes: [
      { stroke: '#1b1b1f', grid: { show: false }, splits: () => xs, values: (u, v) => v.map((i) => categories[i] || '') },
      { stroke: '#1b1b1f', grid: { stroke: '#e3e5ea' }, label: options.yLabel || '' },
    ],
    series: [{ label: 'member', value: (u, i) => (i === null ? '' : categories[i] || '') }].concat(series.map((s, g) => ({
      label: s.label,
      stroke: COLOURS[g % COLOURS.length],
      fill: COLOURS[g % COLOURS.length],
      width: 1,
      points: { show: false },
      paths: (u, si, i0, i1) => {
        // Shift each group so the bars of one member stand side by side.
        const shift = (g - (groups - 1) / 2) * (0.8 / groups);
        const xs0 = u.data[0];
        u.data[0] = xs0.map((x) => x + shift);
        const p = bars(u, si, i0, i1);
        u.data[0] = xs0;
        return p;
      },
    }))),
  }, [xs].concat(series.map((s) => s.values)), el);
  const onResize = () => plot.setSize({ width: width(el), height: options.height || 240 });
  window.addEventListener('resize', onResize);
  return { dispose: () => { window.removeEventListener('resize', onResize); plot.destroy(); } };
}
