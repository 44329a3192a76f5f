import type { Example } from '../../types.ts';
import { TextInput } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Champ simple',
    render: () => <TextInput id="text-input-nom" name="nom" label="Nom de famille" autocomplete="family-name" width={20} />,
  },
  {
    name: 'Avec une aide',
    render: () => (
      <TextInput
        id="text-input-telephone"
        name="telephone"
        label="Numéro de téléphone"
        hint="6 chiffres, par exemple 26 12 34"
        type="tel"
        autocomplete="tel"
        width={10}
      />
    ),
  },
  {
    name: 'Facultatif, adresse e-mail',
    render: () => (
      <TextInput
        id="text-input-email"
        name="email"
        label="Adresse e-mail"
        type="email"
        autocomplete="email"
        spellcheck={false}
        optional
      />
    ),
  },
  {
    name: 'Avec une erreur',
    render: () => (
      <TextInput
        id="text-input-code-postal"
        name="codePostal"
        label="Code postal"
        hint="5 chiffres, par exemple 98800"
        inputmode="numeric"
        autocomplete="postal-code"
        width={5}
        value="988"
        error="Entrez un code postal à 5 chiffres, par exemple 98800"
      />
    ),
  },
];
