import type { Example } from '../../types.ts';
import { Tag } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Couleurs et pictogrammes',
    render: () => (
      <ul class="r-list--plain r-tag-list">
        <li><Tag>Nouveau</Tag></li>
        <li><Tag colour="green" icon="success">Inscrit</Tag></li>
        <li><Tag colour="blue" icon="info">En attente</Tag></li>
        <li><Tag colour="yellow" icon="warning">Presque complet</Tag></li>
        <li><Tag colour="red" icon="error">Annulé</Tag></li>
        <li><Tag colour="grey">Terminé</Tag></li>
      </ul>
    ),
  },
];
