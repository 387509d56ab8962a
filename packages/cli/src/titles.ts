// The providers of scripts/providers.ts by title, as a sentence lists them: the help's tagline and descriptions
// name whatever providers this build has, not the three it started with.
import { ALL_PROVIDERS } from "./providers.js";

/** `Duvo, Avido and Duckie` (and any provider added after them). */
export const TITLES = new Intl.ListFormat("en-GB", { type: "conjunction" }).format(
  ALL_PROVIDERS.map((p) => p.definition.title),
);
