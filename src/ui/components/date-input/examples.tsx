import type { Example } from '../../types.ts';
import { DateInput } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Date avec une aide',
    render: () => (
      <DateInput id="date-input-rendez-vous" name="date" label="Date du rendez-vous" hint="Par exemple : 14/07/2026" />
    ),
  },
  {
    name: 'Date de naissance en erreur',
    render: () => (
      <DateInput
        id="date-input-naissance"
        name="naissance"
        label="Date de naissance"
        hint="Par exemple : 27/03/1985"
        autocomplete="bday"
        max="2026-11-22"
        error="La date de naissance doit être dans le passé"
        value="2030-01-01"
      />
    ),
  },
];
