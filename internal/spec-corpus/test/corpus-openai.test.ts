// The corpus suite on its largest spec, OpenAI's (3 MB, 288 operations): a file of its own, run beside the others.
import { corpusSuite } from "./corpus-suite.js";

corpusSuite(["openai"]);
