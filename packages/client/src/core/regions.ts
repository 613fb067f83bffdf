/** Data-centre regions of the API (the spec's `servers[0].variables.region`). */
export const REGIONS = ['au', 'eu', 'na', 'uk'] as const;
export type Region = (typeof REGIONS)[number];

/** The documented host of a region, e.g. `https://api.na.myreports.cloud/api`. */
export function regionBaseUrl(region: Region): string {
  if (!REGIONS.includes(region)) {
    throw new TypeError(`region must be one of au, eu, na, uk, not "${region}".`);
  }
  return `https://api.${region}.myreports.cloud/api`;
}
