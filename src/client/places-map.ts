// The map of places, loaded on demand by places-map-loader.ts. Leaflet draws raster tiles from the configured tile
// server (MAP_TILES_URL) and one vector circle per place; each circle opens a popup with a link to the place.
import L from 'leaflet';

type ApiPlace = { id: string; nom: string; commune: { nom: string }; latitude: number | null; longitude: number | null; ouvert_maintenant: boolean | null };

function status(container: HTMLElement, text: string): void {
  const region = container.querySelector<HTMLElement>('[data-map-status]');
  if (region) region.textContent = text;
}

function isPlaceList(value: unknown): value is { donnees: ApiPlace[] } {
  return typeof value === 'object' && value !== null && 'donnees' in value && Array.isArray(value.donnees);
}

async function show(container: HTMLElement): Promise<void> {
  const canvas = document.createElement('div');
  canvas.className = 'p-map__canvas';
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', 'Carte des lieux trouvés. La liste au-dessus donne les mêmes lieux.');
  container.appendChild(canvas);
  // No Leaflet prefix link in the credits (its colours fail contrast); the tile server's credit stays.
  const map = L.map(canvas, { scrollWheelZoom: false, attributionControl: false }).setView([-21.3, 165.5], 7);
  L.control.attribution({ prefix: false }).addTo(map);
  L.tileLayer(container.dataset.tiles ?? '', { attribution: container.dataset.attribution ?? '', maxZoom: 18 }).addTo(map);
  const response = await fetch(container.dataset.source ?? '', { headers: { accept: 'application/json' } });
  const body: unknown = await response.json();
  const placesWithCoordinates = isPlaceList(body) ? body.donnees.filter((p) => p.latitude !== null && p.longitude !== null) : [];
  const bounds: L.LatLngExpression[] = [];
  for (const place of placesWithCoordinates) {
    if (place.latitude === null || place.longitude === null) continue;
    const point: L.LatLngExpression = [place.latitude, place.longitude];
    bounds.push(point);
    const popup = document.createElement('p');
    const link = document.createElement('a');
    link.href = `/lieux/${place.id}`;
    link.textContent = place.nom;
    popup.append(link, document.createElement('br'), `${place.commune.nom}${place.ouvert_maintenant ? ' — ouvert maintenant' : ''}`);
    L.circleMarker(point, { radius: 8, color: '#00565b', weight: 2, fillOpacity: 0.7 }).bindPopup(popup).addTo(map);
  }
  if (bounds.length > 0) map.fitBounds(L.latLngBounds(bounds), { padding: [24, 24], maxZoom: 14 });
  status(
    container,
    bounds.length === 0
      ? 'La carte est affichée, mais aucun lieu trouvé n’a de position connue.'
      : `La carte est affichée. Elle montre ${bounds.length} lieu${bounds.length > 1 ? 'x' : ''}.`,
  );
}

document.querySelectorAll<HTMLElement>('[data-module="app-places-map"]').forEach((container) => {
  container.addEventListener('relais:show-map', () => {
    show(container).catch(() => status(container, 'La carte n’a pas pu être chargée. La liste des lieux reste disponible.'));
  });
});
