/** Demo regions and their jurisdictions (synthetic data only; no real person). */
export const DEMO_REGIONS: Record<string, string[]> = {
  'Western Balkans': ['AL', 'RS'],
  'Central Europe': ['DE', 'AT'],
  'Southern Europe': ['IT', 'GR'],
};

export const DEMO_JURISDICTIONS = Object.values(DEMO_REGIONS).flat();
