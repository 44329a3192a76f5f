import type { Example } from '../../types.ts';
import { NotificationBanner } from './index.tsx';

export const examples: Example[] = [
  {
    name: 'Succès',
    render: () => (
      <NotificationBanner kind="success" role="region" id="notification-banner-success">
        <p>L'accompagnement de Marie Wamytan a été enregistré.</p>
      </NotificationBanner>
    ),
  },
  {
    name: 'Information',
    render: () => (
      <NotificationBanner kind="info" role="region" id="notification-banner-info">
        <p>
          Le lieu d'accueil de Koné est fermé le mardi 3 mars 2026. <a href="#notification-banner-info">Voir les autres lieux</a>
        </p>
      </NotificationBanner>
    ),
  },
  {
    name: 'Attention',
    render: () => (
      <NotificationBanner kind="warning" role="region" id="notification-banner-warning">
        <p>Votre session se termine dans 5 minutes. Enregistrez votre travail.</p>
      </NotificationBanner>
    ),
  },
];
