import type { Example } from '../../types.ts';
import { ErrorMessage } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Message seul',
    render: () => <ErrorMessage id="error-message-example" text="Entrez un numéro de téléphone à 6 chiffres, par exemple 26 12 34" />,
  },
];
