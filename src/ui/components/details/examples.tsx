import type { Example } from '../../types.ts';
import { Details } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Aide repliée',
    render: () => (
      <Details summary="Je n'ai pas d'adresse e-mail">
        <p>Ce n'est pas grave. Un aidant peut créer votre compte avec vous, dans un lieu d'accueil.</p>
      </Details>
    ),
  },
  {
    name: 'Aide dépliée',
    render: () => (
      <Details summary="Pourquoi nous demandons votre commune" open>
        <p>Votre commune nous permet de vous proposer les lieux d'accueil les plus proches.</p>
      </Details>
    ),
  },
];
