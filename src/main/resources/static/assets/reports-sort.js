// Sorts a report table by any column: each sortable header is a button (keyboard and screen readers reach it),
// aria-sort says the order, rows carry the raw figures in data attributes (never the formatted text). The totals
// stay at the foot. Tells the page's chart the new order ('report:sorted').

const collator = new Intl.Collator(document.documentElement.lang || 'km', { numeric: true, sensitivity: 'base' });

function sortBy(table, th) {
  const key = th.dataset.sort;
  const numeric = th.dataset.type === 'number';
  const ascending = th.getAttribute('aria-sort') !== 'ascending';
  const body = table.tBodies[0];
  const rows = [...body.rows];
  rows.sort((a, b) => {
    const x = a.dataset[key] ?? '';
    const y = b.dataset[key] ?? '';
    const order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
    return (ascending ? order : -order) || collator.compare(a.dataset.name ?? '', b.dataset.name ?? '');
  });
  body.append(...rows);
  table.querySelectorAll('th[data-sort]').forEach(h => h.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  document.dispatchEvent(new CustomEvent('report:sorted', {
    detail: {
      labels: rows.map(r => r.dataset.name),
      values: rows.map(r => Number(r.dataset.par30) * 100),
    },
  }));
}

document.querySelectorAll('table[data-sortable]').forEach((table) => {
  table.querySelectorAll('th[data-sort] button').forEach((button) => {
    button.addEventListener('click', () => sortBy(table, button.closest('th')));
  });
});
