import type { Example } from '../../types.ts';
import { Checkboxes } from './index.tsx';

const needs = [
  { value: 'ordinateur', label: 'Utiliser un ordinateur ou une tablette' },
  { value: 'telephone', label: 'Utiliser un téléphone' },
  { value: 'demarches', label: 'Faire une démarche en ligne', hint: 'Par exemple : une demande à la CAFAT' },
  { value: 'courriel', label: 'Lire et envoyer des e-mails' },
];

export const examples: Example[] = [
  {
    name: 'Plusieurs réponses',
    render: () => (
      <Checkboxes
        id="checkboxes-besoins"
        name="besoins"
        label="De quoi avez-vous besoin ?"
        hint="Cochez toutes les réponses utiles."
        items={needs}
        values={['telephone']}
      />
    ),
  },
  {
    name: 'Avec une erreur',
    render: () => (
      <Checkboxes
        id="checkboxes-consentement"
        name="consentement"
        label="Accord de la personne"
        error="Cochez la case si la personne est d'accord"
        items={[{ value: 'oui', label: 'La personne est d\'accord pour que ses besoins soient enregistrés' }]}
      />
    ),
  },
];
