import type { Example } from '../../types.ts';
import { Select } from './index.tsx';

const provinces = [
  { value: 'sud', label: 'Province Sud' },
  { value: 'nord', label: 'Province Nord' },
  { value: 'iles', label: 'Province des Îles Loyauté' },
];

export const examples: Example[] = [
  {
    name: 'Liste avec un premier choix vide',
    render: () => (
      <Select id="select-province" name="province" label="Province" placeholder="Choisissez une province" items={provinces} />
    ),
  },
  {
    name: 'Avec une valeur et une erreur',
    render: () => (
      <Select
        id="select-province-erreur"
        name="provinceErreur"
        label="Province du lieu"
        hint="La province où se trouve le lieu d'accueil"
        placeholder="Choisissez une province"
        items={provinces}
        error="Choisissez la province du lieu"
      />
    ),
  },
];
