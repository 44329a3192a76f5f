import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BarChart, LineChart, axisMaximum } from './index.tsx';

const render = async (element: unknown): Promise<string> => String(await element);

describe('charts', () => {
  const points = [
    { label: 'janvier 2026', shortLabel: 'janv.', value: 42 },
    { label: 'février 2026', shortLabel: 'févr.', value: 3, display: '< 5' },
    { label: 'mars 2026', shortLabel: 'mars', value: 58 },
  ];

  it('draws one bar per point, scaled to a round axis, and names the image with a summary', async () => {
    const html = await render(<BarChart id="c" title="Accompagnements par mois" categoryLabel="Mois" valueLabel="Accompagnements" points={points} />);
    assert.equal((html.match(/class="r-chart__bar"/g) ?? []).length, 2);
    assert.match(html, /role="img" aria-label="Accompagnements par mois\. 3 valeurs\. La plus haute : mars 2026, 58\. La plus basse : janvier 2026, 42\./);
    // The axis goes to 60 in steps of 15 (not 80 in steps of 20); the 58 bar is 58/60 of the 200-unit plot.
    assert.equal(axisMaximum(58), 60);
    assert.match(html, /height="193\.33/);
  });

  it('follows the chart with its data table, the hidden count written "< 5" and no bar drawn for it', async () => {
    const html = await render(<BarChart id="c" title="Accompagnements par mois" categoryLabel="Mois" valueLabel="Accompagnements" points={points} />);
    assert.match(html, /<caption[^>]*>Accompagnements par mois : les données<\/caption>/);
    assert.match(html, /<th scope="row" class="r-table__header">février 2026<\/th><td class="r-table__cell r-table__cell--numeric">&lt; 5<\/td>/);
    assert.match(html, /r-chart__bar--hidden" x="[\d.]+" y="228" width="36" height="0"/);
  });

  it('draws a line through every point and can fold the table away', async () => {
    const html = await render(<LineChart id="l" title="Ateliers" categoryLabel="Mois" valueLabel="Ateliers" points={points} tableCollapsed />);
    assert.equal((html.match(/<circle/g) ?? []).length, 3);
    assert.match(html, /<polyline class="r-chart__line" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+"/);
    assert.match(html, /<summary class="r-details__summary"><span class="r-details__summary-text">Voir les données du graphique/);
  });

  it('says there is no data when every value is hidden or there is none', async () => {
    const html = await render(<BarChart id="e" title="Vide" categoryLabel="Mois" valueLabel="N" points={[]} />);
    assert.match(html, /aria-label="Vide\. Aucune donnée\."/);
  });

  it('picks round axis maxima', () => {
    assert.equal(axisMaximum(0), 4);
    assert.equal(axisMaximum(3), 4);
    assert.equal(axisMaximum(37), 40);
    assert.equal(axisMaximum(1234), 2000);
  });
});
