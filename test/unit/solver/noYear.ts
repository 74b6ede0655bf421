/** Options for a solve whose assertions read named checks, nodes, groups, rows and halls: no typical
 *  year. The year adds only its own checks (year.*), the report's year and economics, and what
 *  they sway (the verdict, the binding check, the whole advice list); a test that reads those
 *  solves with the year. */
export const NO_YEAR = { year: false } as const
