// The "Écouter" buttons of the workshop feedback form: each reads its question and answers aloud with the browser's
// speech synthesis. Without script, or where the browser cannot speak, the buttons stay hidden: the form works the
// same. Buttons live in containers marked data-module="app-read-aloud"; the text read is in data-read-aloud-text.

function upgrade(container: HTMLElement): void {
  const button = container.querySelector<HTMLButtonElement>('button[data-read-aloud-text]');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    const text = button.dataset.readAloudText ?? '';
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'fr-FR';
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  });
}

if ('speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function') {
  document.querySelectorAll<HTMLElement>('[data-module="app-read-aloud"]').forEach(upgrade);
}
