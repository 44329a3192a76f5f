import type { Example } from '../../types.ts';
import { BarChart, LineChart } from './index.tsx';

const months = [
  ['janvier 2026', 'janv.', 42],
  ['février 2026', 'févr.', 37],
  ['mars 2026', 'mars', 58],
  ['avril 2026', 'avr.', 61],
  ['mai 2026', 'mai', 12],
  ['juin 2026', 'juin', 75],
] as const;

export const examples: Example[] = [
  {
    name: 'Colonnes, avec le tableau des données',
    render: () => (
      <BarChart id="exemple-colonnes" title="Accompagnements par mois, premier semestre 2026" categoryLabel="Mois" valueLabel="Accompagnements" points={months.map(([label, shortLabel, value]) => ({ label, shortLabel, value }))} />
    ),
  },
  {
    name: 'Une valeur masquée (moins de 5)',
    render: () => (
      <BarChart
        id="exemple-masque"
        title="Personnes accompagnées par commune"
        categoryLabel="Commune"
        valueLabel="Personnes"
        points={[
          { label: 'Koné', value: 24 },
          { label: 'Poum', value: 3, display: '< 5' },
          { label: 'Koumac', value: 11 },
        ]}
      />
    ),
  },
  {
    name: 'Courbe, tableau replié',
    render: () => (
      <LineChart id="exemple-courbe" title="Ateliers par mois" categoryLabel="Mois" valueLabel="Ateliers" tableCollapsed points={months.map(([label, shortLabel, value]) => ({ label, shortLabel, value: Math.round(value / 7) }))} />
    ),
  },
];
