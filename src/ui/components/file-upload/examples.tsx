import type { Example } from '../../types.ts';
import { FileUpload } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Avec une indication',
    render: () => <FileUpload id="file-upload-preuve" name="preuve" label="Justificatif" hint="Un PDF, JPEG ou PNG de 5 Mo au plus." accept=".pdf,.jpg,.jpeg,.png" optional />,
  },
  {
    name: 'Avec une erreur',
    render: () => <FileUpload id="file-upload-fichier" name="fichier" label="Fichier des lieux" error="Choisissez un fichier CSV ou JSON" />,
  },
];
