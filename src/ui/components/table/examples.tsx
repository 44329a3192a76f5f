import type { Example } from '../../types.ts';
import { Tag } from '../tag/index.tsx';
import { Table } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Tableau avec en-têtes de ligne',
    render: () => (
      <Table
        id="table-ateliers"
        caption="Ateliers de mars 2026"
        firstCellIsHeader
        head={[{ text: 'Atelier' }, { text: 'Lieu' }, { text: 'Date' }, { text: 'Places libres', numeric: true }, { text: 'État' }]}
        rows={[
          ['Premiers pas sur ordinateur', 'Médiathèque de Koné', 'mardi 3 mars 2026', 4, <Tag colour="green" icon="success">Ouvert</Tag>],
          ['Faire ses démarches CAFAT en ligne', 'Maison de quartier de Rivière-Salée, Nouméa', 'jeudi 12 mars 2026', 0, <Tag colour="red" icon="error">Complet</Tag>],
          ['Utiliser son téléphone', 'Mairie de Lifou', 'samedi 21 mars 2026', 8, <Tag colour="green" icon="success">Ouvert</Tag>],
        ]}
      />
    ),
  },
];
