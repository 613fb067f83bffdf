export declare const BUDGET_BYTES: number;
export declare const PROFILES_BUDGET_BYTES: number;
export interface BundleSize {
  minified: number;
  gzipped: number;
  code: Uint8Array;
}
export declare function measureBundle(): Promise<BundleSize & { profilesOnly: BundleSize; bareOpenapiFetch: BundleSize }>;
