/** The three provinces of New Caledonia, as codes. */
export const provinces = ['sud', 'nord', 'iles'] as const;
export type Province = (typeof provinces)[number];

export const provinceLabels = {
  sud: 'Province Sud',
  nord: 'Province Nord',
  iles: 'Province des Îles Loyauté',
} as const satisfies Record<Province, string>;

/** The territory's time zone, used for every local date shown or entered. */
export const defaultTimeZone = 'Pacific/Noumea';
