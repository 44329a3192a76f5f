import type { Example } from '../../types.ts';
import { TextInput } from '../text-input/index.tsx';
import { Fieldset } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Adresse',
    render: () => (
      <Fieldset legend="Adresse du lieu d'accueil" legendSize="m">
        <TextInput id="fieldset-rue" name="rue" label="Numéro et rue" autocomplete="address-line1" />
        <TextInput id="fieldset-quartier" name="quartier" label="Quartier ou tribu" optional width={20} />
        <TextInput id="fieldset-code-postal" name="codePostal" label="Code postal" inputmode="numeric" width={5} />
      </Fieldset>
    ),
  },
];
