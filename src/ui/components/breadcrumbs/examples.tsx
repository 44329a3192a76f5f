import type { Example } from '../../types.ts';
import { Breadcrumbs } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Trois niveaux',
    render: () => (
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: '/compte', label: 'Mon compte' },
          { href: '/compte/sessions', label: 'Mes sessions' },
        ]}
      />
    ),
  },
];
