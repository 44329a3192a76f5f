import type { Example } from '../../types.ts';
import { SummaryList } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Vérifier ses réponses',
    render: () => (
      <SummaryList
        rows={[
          {
            key: 'Nom',
            value: 'Marie Wamytan',
            actions: [{ href: '#summary-list-nom', text: 'Modifier', visuallyHiddenText: 'le nom' }],
          },
          {
            key: 'Téléphone',
            value: '26 12 34',
            actions: [{ href: '#summary-list-telephone', text: 'Modifier', visuallyHiddenText: 'le numéro de téléphone' }],
          },
          { key: 'Commune', value: 'Koné' },
        ]}
      />
    ),
  },
  {
    name: 'Sans bordure ni action',
    render: () => (
      <SummaryList
        noBorder
        rows={[
          { key: 'Horaires', value: 'Du lundi au vendredi, de 7 h 30 à 16 h' },
          { key: 'Adresse', value: '12 rue de la Somme, Nouméa' },
        ]}
      />
    ),
  },
];
