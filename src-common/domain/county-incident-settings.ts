// The county's incident settings: choices the regulations leave to the county, as data.

export type CountyIncidentSettings = {
  /**
   * Whether missing people (失踪) count as deaths when grading under Art. 3. [unverified]: the
   * regulation's text grades by deaths; many provincial rules count missing over 30 days as
   * dead. Default false: grade by confirmed deaths, the response level already counts missing.
   */
  countMissingAsDeaths: boolean;
  /** A deadline turns amber (due_soon) when less than this share of its span is left … */
  dueSoonShare: number;
  /** … or less than this many milliseconds, whichever comes first. */
  dueSoonMinMs: number;
};

export const COUNTY_INCIDENT_SETTINGS: CountyIncidentSettings = {
  countMissingAsDeaths: false,
  dueSoonShare: 0.25,
  dueSoonMinMs: 15 * 60_000,
};
