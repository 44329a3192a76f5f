import type { Example } from '../../types.ts';
import { Textarea } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Zone de texte avec une aide',
    render: () => (
      <Textarea
        id="textarea-besoin"
        name="besoin"
        label="Décrivez votre besoin"
        hint="Par exemple : envoyer un document à la Caisse de compensation des prestations familiales (CAFAT)"
      />
    ),
  },
  {
    name: 'Avec une erreur',
    render: () => (
      <Textarea
        id="textarea-resume"
        name="resume"
        label="Résumé de l'accompagnement"
        rows={3}
        error="Écrivez un résumé de l'accompagnement, en quelques mots"
      />
    ),
  },
];
