import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { hoursFormValues } from '../places.hours.ts';
import { HoursFields, HoursFieldset } from './hours-fieldset.tsx';

const render = async (element: JSX.Element): Promise<string> => String(await element);

describe('hours fieldset', () => {
  it('gives each day its own fieldset and legend, and each time field a label', async () => {
    const html = await render(<HoursFieldset values={{}} />);
    assert.match(html, /<legend class="r-fieldset__legend r-fieldset__legend--m">Horaires d’ouverture<\/legend>/);
    for (const day of ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']) {
      assert.match(html, new RegExp(`<legend class="r-fieldset__legend r-fieldset__legend--s">${day}</legend>`));
    }
    for (const id of ['horaires-lundi-debut-1', 'horaires-lundi-fin-1', 'horaires-dimanche-debut-2', 'horaires-dimanche-fin-2']) {
      assert.match(html, new RegExp(`<label class="r-label" for="${id}">`));
      assert.match(html, new RegExp(`id="${id}" name="${id}"`));
    }
    assert.equal(html.match(/<fieldset/g)?.length, 9, 'outer, seven days, public holidays');
    assert.match(html, /for="horaires-feries"/);
    assert.match(html, /for="horaires-fermetures"/);
  });

  it('shows the stored hours in the fields and ticks the public holidays', async () => {
    const html = await render(<HoursFields values={hoursFormValues('Mo-Fr 07:30-11:30,12:15-16:00; PH off; 2026 Dec 24 off')} />);
    assert.match(html, /id="horaires-vendredi-debut-2" name="horaires-vendredi-debut-2" type="text" value="12:15"/);
    assert.match(html, /name="horaires-feries" value="oui" checked=""/);
    assert.match(html, /24\/12\/2026<\/textarea>/);
    assert.doesNotMatch(html, /<details[^>]*open/);
  });

  it('ties an error to its field and opens the expert field when it holds the hours', async () => {
    const html = await render(
      <HoursFields
        values={{ 'horaires-lundi-fin-1': '11:00', 'horaires-osm': 'Sa[1] 08:00-11:30' }}
        errors={{ 'horaires-lundi-fin-1': 'L’heure de fermeture du lundi (11:00) doit être après l’heure d’ouverture (12:00)' }}
      />,
    );
    assert.match(html, /id="horaires-lundi-fin-1-error"/);
    assert.match(html, /aria-describedby="horaires-lundi-fin-1-hint horaires-lundi-fin-1-error" aria-invalid="true"/);
    assert.match(html, /<details class="r-details" open="">/);
    assert.match(html, /value="Sa\[1\] 08:00-11:30"/);
  });
});
