import type { Example } from '../../types.ts';
import { Button } from './index.tsx';

export const examples: Example[] = [
  { name: 'Principal', render: () => <Button>Enregistrer l'accompagnement</Button> },
  { name: 'Secondaire', render: () => <Button variant="secondary">Ajouter une personne</Button> },
  { name: 'Attention (action qui détruit)', render: () => <Button variant="warning">Supprimer l'atelier</Button> },
  { name: 'Bouton de démarrage', render: () => <Button start>Commencer</Button> },
  {
    name: 'Groupe de boutons',
    render: () => (
      <div class="r-button-group">
        <Button>Continuer</Button>
        <Button variant="secondary" name="action" value="brouillon">
          Enregistrer le brouillon
        </Button>
      </div>
    ),
  },
];
