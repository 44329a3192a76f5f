import type { Example } from '../../types.ts';
import { LinkButton } from './index.tsx';

export const examples: Example[] = [
  { name: 'Principal', render: () => <LinkButton href="#link-button-principal">Créer un atelier</LinkButton> },
  {
    name: 'Secondaire',
    render: () => (
      <LinkButton href="#link-button-secondaire" variant="secondary">
        Voir tous les lieux
      </LinkButton>
    ),
  },
  {
    name: 'Démarrer un service',
    render: () => (
      <LinkButton href="#link-button-demarrer" start>
        Trouver de l'aide près de chez moi
      </LinkButton>
    ),
  },
];
