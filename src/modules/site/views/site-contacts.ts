/**
 * Contacts shown on the site's legal pages, in one place so the three pages never disagree.
 * The addresses on relais.nc must exist before going live (to confirm with DINUM NC).
 */
export const siteContacts = {
  accessibilityEmail: 'accessibilite@relais.nc',
  personalDataEmail: 'donnees-personnelles@relais.nc',
  contactEmail: 'contact@relais.nc',
  postalAddress: ['Relais — Service du numérique', 'Nouméa', 'Nouvelle-Calédonie'],
  publisher: 'Gouvernement de la Nouvelle-Calédonie',
  publisherService: 'Direction du numérique et de la modernisation (DINUM NC)',
} as const;
