// A printable page's print button (no inline script under the page's Content-Security-Policy).
document.querySelectorAll('[data-action=print]').forEach(button =>
  button.addEventListener('click', () => window.print()));
