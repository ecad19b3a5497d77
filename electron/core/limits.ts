/**
 * The route's limits that judge a cargo's figures. Pure data, no validator, so a screen may quote them
 * (the tanker's capacity in a message) without taking the core's validator into its bundle.
 */
/** A Caspian tanker carries about 13,000 t at most; above this a cargo needs a second look. */
export const UNUSUAL_CARGO_KG = 13_000_000;
/** What a Caspian tanker carries at most, in whole tonnes: the figure the messages about a cargo's size quote. */
export const CAPACITY_TONNES = UNUSUAL_CARGO_KG / 1000;
/** Above this a single cargo is almost certainly a typing error and needs an explicit override. */
export const OVERRIDE_CARGO_KG = 15_000_000;
/** No override makes this believable for one Caspian cargo. */
export const MAX_CARGO_KG = 100_000_000;
/** A B/L date further back than this is allowed but asked about: most entries are days old. */
export const OLD_BL_DATE_DAYS = 60;
/** Crude runs about 6.3–8.5 barrels a tonne (Tengiz ≈ 7.97); outside this the barrels are mistyped. */
export const BARRELS_PER_TONNE_RANGE = [5.5, 9.0] as const;
