import type { Example } from '../../types.ts';
import { ErrorSummary } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Deux erreurs',
    render: () => (
      <ErrorSummary
        id="error-summary-example"
        errors={[
          { href: '#text-input-code-postal', text: 'Entrez un code postal à 5 chiffres, par exemple 98800' },
          { href: '#radios-lieu', text: 'Choisissez où vous voulez être aidé' },
        ]}
      />
    ),
  },
];
