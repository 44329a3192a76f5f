import type { Example } from '../../types.ts';
import { Breadcrumbs } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Trois niveaux',
    render: () => (
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          { href: '/lieux', label: 'Lieux d\'accueil' },
          { href: '/lieux/province-nord', label: 'Province Nord' },
        ]}
      />
    ),
  },
];
