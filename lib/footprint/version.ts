/**
 * Names the footprint method in exports (the CSV's method_version column), so
 * a figure can always be traced to the formulas and constants that made it.
 * Bump it with any change to a formula or a constant, and say what changed in
 * METHODOLOGY.md.
 */
export const METHOD_VERSION = 'frugal-footprint-1.2.0';
