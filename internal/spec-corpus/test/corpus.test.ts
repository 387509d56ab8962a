// The corpus suite on every spec but OpenAI's (corpus-openai.test.ts runs that one beside this file).
import { CORPUS, corpusSuite } from "./corpus-suite.js";

corpusSuite(CORPUS.map((c) => c.id).filter((id) => id !== "openai"));
