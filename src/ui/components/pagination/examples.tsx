import type { Example } from '../../types.ts';
import { Pagination } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Page 1 sur 3',
    render: () => <Pagination page={1} pageCount={3} hrefFor={(p) => `?page=${p}`} />,
  },
  {
    name: 'Page 6 sur 12',
    render: () => <Pagination page={6} pageCount={12} hrefFor={(p) => `?page=${p}`} label="Pagination (deuxième exemple)" />,
  },
];
