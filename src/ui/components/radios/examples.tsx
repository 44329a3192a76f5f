import type { Example } from '../../types.ts';
import { Radios } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Oui ou non, côte à côte',
    render: () => (
      <Radios
        id="radios-accompagnement"
        name="accompagnement"
        label="Avez-vous besoin d'être accompagné ?"
        inline
        items={[
          { value: 'oui', label: 'Oui' },
          { value: 'non', label: 'Non' },
        ]}
      />
    ),
  },
  {
    name: 'Avec des aides et une valeur',
    render: () => (
      <Radios
        id="radios-contact"
        name="contact"
        label="Comment voulez-vous être contacté ?"
        legendSize="m"
        hint="Choisissez une seule réponse."
        value="telephone"
        items={[
          { value: 'telephone', label: 'Par téléphone', hint: 'Nous vous appelons dans la semaine.' },
          { value: 'sms', label: 'Par SMS' },
          { value: 'courrier', label: 'Par courrier' },
        ]}
      />
    ),
  },
  {
    name: 'Avec une erreur',
    render: () => (
      <Radios
        id="radios-lieu"
        name="lieu"
        label="Où voulez-vous être aidé ?"
        error="Choisissez où vous voulez être aidé"
        items={[
          { value: 'lieu', label: 'Dans un lieu d\'accueil' },
          { value: 'domicile', label: 'Chez moi' },
        ]}
      />
    ),
  },
];
