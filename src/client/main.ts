// Small upgrades for browsers that run scripts; every page works without them.

/** After a failed submission, move focus to the error summary so screen readers announce it first. */
function focusErrorSummary(): void {
  const summary = document.querySelector<HTMLElement>('[data-autofocus]');
  summary?.focus();
}

/** Buttons marked `data-confirm` ask before a destructive action; without script, a confirmation page does it. */
function confirmDestructiveActions(): void {
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const message = form.dataset.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });
}

focusErrorSummary();
confirmDestructiveActions();
