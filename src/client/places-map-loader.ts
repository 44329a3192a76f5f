// /lieux: offers "Afficher la carte" where scripts run; the map itself (Leaflet, ~45 KB compressed) and its
// stylesheet load only when the button is pressed. The list stays the main view; without script, no button.

function announce(container: HTMLElement, text: string): void {
  let region = container.querySelector<HTMLElement>('[data-map-status]');
  if (!region) {
    region = document.createElement('p');
    region.setAttribute('role', 'status');
    region.dataset.mapStatus = '';
    region.className = 'r-secondary-text';
    container.appendChild(region);
  }
  region.textContent = text;
}

function loadOnce(container: HTMLElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const css = container.dataset.css;
    const src = container.dataset.script;
    if (!css || !src) return reject(new Error('map assets not configured'));
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    document.head.appendChild(link);
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('map script failed'));
    document.head.appendChild(script);
  });
}

function upgrade(container: HTMLElement): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'r-button r-button--secondary';
  button.textContent = 'Afficher la carte';
  button.setAttribute('aria-expanded', 'false');
  container.prepend(button);
  let loaded: Promise<void> | null = null;
  button.addEventListener('click', () => {
    const canvas = container.querySelector<HTMLElement>('.p-map__canvas');
    if (canvas) {
      const hidden = !canvas.hidden;
      canvas.hidden = hidden;
      button.textContent = hidden ? 'Afficher la carte' : 'Masquer la carte';
      button.setAttribute('aria-expanded', String(!hidden));
      return;
    }
    announce(container, 'Chargement de la carte…');
    loaded ??= loadOnce(container);
    loaded
      .then(() => {
        button.textContent = 'Masquer la carte';
        button.setAttribute('aria-expanded', 'true');
        container.dispatchEvent(new CustomEvent('relais:show-map', { bubbles: false }));
      })
      .catch(() => announce(container, 'La carte n’a pas pu être chargée. La liste des lieux reste disponible.'));
  });
}

document.querySelectorAll<HTMLElement>('[data-module="app-places-map"]').forEach(upgrade);
