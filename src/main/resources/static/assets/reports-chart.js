// A report page's chart, drawn by Chart.js (the webjar, loaded before this module) from the page's own data block
// <script type="application/json" id="chart-data">: {type, label, labels, values, percent?}. The same figures are
// on the page as text, so the chart is a picture of them, never their only copy.

const block = document.getElementById('chart-data');
const canvas = document.getElementById('chart');
const COLOURS = ['#0b5a8a', '#d08a00', '#17663a', '#8a3b8f', '#a4161a', '#4f5b6d', '#2a9d8f', '#e76f51'];

const narrow = () => window.matchMedia('(max-width: 600px)').matches;

export function draw() {
  if (!block || !canvas || !window.Chart) return null;
  const data = JSON.parse(block.textContent);
  const Chart = window.Chart;
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#1d2433';
  const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: data.percent ? 2 : 0 });
  const show = v => data.percent ? `${number.format(v)}%` : `${number.format(v)} ៛`;
  const bar = data.type === 'bar';
  // a bar per group: the chart grows with the groups (CSSOM, which the page's style policy allows)
  if (bar) canvas.parentElement.style.height = `${Math.max(240, data.labels.length * 26 + 70)}px`;
  const existing = Chart.getChart(canvas);
  if (existing) existing.destroy();
  return new Chart(canvas, {
    type: data.type,
    data: {
      labels: data.labels,
      datasets: [{
        label: data.label,
        data: data.values,
        backgroundColor: bar ? COLOURS[0] : data.values.map((_, i) => COLOURS[i % COLOURS.length]),
        borderWidth: bar ? 0 : 1,
      }],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: bar ? 'y' : 'x',
      plugins: {
        legend: { display: !bar, position: 'bottom' },
        tooltip: { callbacks: { label: ctx => ` ${ctx.label}: ${show(ctx.parsed.x ?? ctx.parsed)}` } },
      },
      scales: bar ? {
        x: { beginAtZero: true, suggestedMax: 10, ticks: { callback: v => show(v) } },
        // on a phone a group's long name would leave no room for its bar: its first words only
        y: { ticks: { callback(v) { const l = this.getLabelForValue(v); return narrow() && l.length > 16 ? `${l.slice(0, 15)}…` : l; } } },
      } : {},
    },
  });
}

let chart = draw();
// a sorted table redraws its chart in the new order
document.addEventListener('report:sorted', (e) => {
  if (!chart || !e.detail) return;
  chart.data.labels = e.detail.labels;
  chart.data.datasets[0].data = e.detail.values;
  chart.update();
});
